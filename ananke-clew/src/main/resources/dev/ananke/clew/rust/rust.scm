; Facts Clew reads from Rust. One capture per pattern names the fact; RustExtractor reads the
; details from the captured node. Matches come in document order, so `use` declarations at the
; top of a file are seen before the calls whose paths they resolve.

(function_item) @function
(function_signature_item) @function
; scopes: a function's impl or trait, and the closures a `?` may belong to
(impl_item) @impl
(closure_expression) @closure
(async_block) @closure

(struct_item) @struct
(enum_item) @enum
(union_item) @union
(trait_item) @trait
(type_item) @alias

(use_declaration) @use
(const_item) @constant
(static_item) @constant
(let_declaration) @let
(field_initializer) @field_init

(try_expression) @try
(await_expression) @await
; calls the extractor looks at, narrowed by name here so that the many other calls cost nothing
((call_expression function: (field_expression field: (field_identifier) @_method)) @call
  (#any-of? @_method "unwrap" "expect" "lock" "try_lock"))
((call_expression function: (scoped_identifier name: (identifier) @_name)) @call
  (#any-of? @_name "spawn" "spawn_blocking" "spawn_local" "scope" "channel" "sync_channel" "unbounded_channel"
    "unbounded" "bounded" "join_all" "try_join_all" "select_all" "new"))
((call_expression function: (generic_function function: (scoped_identifier name: (identifier) @_name))) @call
  (#any-of? @_name "spawn" "spawn_blocking" "spawn_local" "channel" "sync_channel" "unbounded_channel" "unbounded"
    "bounded" "join_all" "try_join_all"))
((call_expression function: (identifier) @_name) @call
  (#any-of? @_name "spawn" "spawn_blocking" "spawn_local" "scope" "channel" "sync_channel" "unbounded_channel"
    "unbounded" "bounded" "join_all" "try_join_all" "select_all"))
(macro_invocation) @macro
(binary_expression operator: "+") @concat

(unsafe_block) @unsafe
(function_modifiers "unsafe") @unsafe
(impl_item "unsafe") @unsafe
(trait_item "unsafe") @unsafe
