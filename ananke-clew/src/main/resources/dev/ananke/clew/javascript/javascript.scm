; Facts Clew reads from JavaScript: the TypeScript query less the type syntax.

(function_declaration) @function
(generator_function_declaration) @function
(method_definition) @method
(arrow_function) @lambda
(function_expression) @lambda
(lexical_declaration (variable_declarator) @variable) @variable.declaration
(variable_declaration (variable_declarator) @variable) @variable.declaration
(export_statement declaration: (_) @export.declaration) @export

(class_declaration) @class
(class) @class
(field_definition) @field

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
