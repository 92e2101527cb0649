; Facts Clew reads from TypeScript (and TSX). Each pattern has one capture naming the fact;
; EcmaScriptExtractor reads the details from the captured node. Matches come in document order.

(function_declaration) @function
(generator_function_declaration) @function
(function_signature) @function
(method_definition) @method
(method_signature) @method
(abstract_method_signature) @method
(variable_declarator) @variable

(class_declaration) @class
(abstract_class_declaration) @class
(interface_declaration) @interface
(type_alias_declaration) @alias
(enum_declaration) @enum
(public_field_definition) @field

(import_statement) @import

(try_statement) @try
(catch_clause) @catch
(throw_statement) @throw
(await_expression) @await

(call_expression) @call
(new_expression) @new
(assignment_expression) @assignment
(pair) @pair
(template_string (template_substitution)) @template
(binary_expression operator: "+") @concat

((predefined_type) @any (#eq? @any "any"))
