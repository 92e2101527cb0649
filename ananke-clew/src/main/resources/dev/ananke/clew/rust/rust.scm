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

(try_expression) @try
(await_expression) @await
(call_expression) @call
(macro_invocation) @macro
(binary_expression operator: "+") @concat

(unsafe_block) @unsafe
(function_modifiers "unsafe") @unsafe
(impl_item "unsafe") @unsafe
(trait_item "unsafe") @unsafe
