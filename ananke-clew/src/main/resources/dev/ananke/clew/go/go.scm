; Facts Clew reads from Go. One capture per pattern names the fact; GoExtractor reads the
; details from the captured node. Matches come in document order, so the imports (which must
; precede all declarations in Go) are known before any call is looked at.

(function_declaration) @function
(method_declaration) @function
(type_declaration) @types
(import_declaration) @imports
(const_spec) @constant
(var_spec) @variable
(short_var_declaration) @define
(assignment_statement) @assign
(keyed_element) @keyed

(if_statement condition: (binary_expression operator: "!=")) @if
; calls the extractor looks at, narrowed by name here so that the many other calls cost nothing
((call_expression function: (identifier) @_name) @call (#any-of? @_name "panic" "make"))
((call_expression function: (selector_expression field: (field_identifier) @_name)) @call
  (#any-of? @_name "Lock" "RLock" "TryLock" "Command" "CommandContext" "Sprintf"))
(binary_expression operator: "+") @concat

(go_statement) @go
(select_statement) @select
(qualified_type) @qualified_type
