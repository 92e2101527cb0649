; Facts Clew reads from Zig. One capture per pattern names the fact (captures starting with `_`
; only serve predicates); ZigExtractor reads the details from the captured node. Matches come in
; document order, so `const std = @import("std")` is seen before the calls it resolves.

(function_declaration) @function
; scopes: containers (a function in one is a method) and test blocks
(struct_declaration) @container
(enum_declaration) @container
(union_declaration) @container
(opaque_declaration) @container
(test_declaration) @test
; const/var declarations (types, imports, constants, secrets); the grammar also uses this node
; for assignments, which the extractor tells apart by the missing `const`/`var` keyword.
(variable_declaration) @declaration
; .{ .password = "..." } and x.token = "...": a string assigned to a field
(assignment_expression right: (string)) @assign

(try_expression) @try
(catch_expression) @catch
(errdefer_statement) @errdefer
((builtin_function (builtin_identifier) @_name) @panic (#eq? @_name "@panic"))

; calls the extractor looks at (std.Thread.spawn, formatting and concatenation, locks), narrowed
; by member name here so that the many other calls cost nothing
((call_expression function: (field_expression member: (identifier) @_name)) @call
  (#any-of? @_name "spawn" "allocPrint" "allocPrintZ" "bufPrint" "bufPrintZ" "comptimePrint" "concat"
    "concatWithSentinel" "join" "joinZ" "lock" "lockShared" "tryLock"))
((field_expression member: (identifier) @_member) @wait_group (#eq? @_member "WaitGroup"))
; an argument list naming a shell, e.g. .{ "/bin/sh", "-c", cmd }
((initializer_list (string) @_shell) @argv
  (#match? @_shell "^\"(/bin/|/usr/bin/)?(sh|bash|zsh)\"$"))
