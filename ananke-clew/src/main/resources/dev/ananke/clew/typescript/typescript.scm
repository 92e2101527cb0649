; Facts Clew reads from TypeScript (and TSX). Each pattern has one main capture naming the fact
; (no dot) and maybe helper captures (`main.part`); EcmaScriptExtractor reads the details from
; the captured nodes. The extractor sees matches in document order.

(function_declaration) @function
(generator_function_declaration) @function
(function_signature) @function
(method_definition) @method
(method_signature) @method
(abstract_method_signature) @method
(arrow_function) @lambda
(function_expression) @lambda
(lexical_declaration (variable_declarator) @variable) @variable.declaration
(variable_declaration (variable_declarator) @variable) @variable.declaration
(export_statement declaration: (_) @export.declaration) @export

(class_declaration) @class
(abstract_class_declaration) @class
(class) @class
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

; only `any` among the predefined types (string, number, ...: most of them), so that the others
; never become matches
((predefined_type) @any (#eq? @any "any"))
