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
(call_expression) @call
(binary_expression operator: "+") @concat

(go_statement) @go
(select_statement) @select
(qualified_type) @qualified_type
