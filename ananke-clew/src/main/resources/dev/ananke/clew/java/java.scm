; Facts Clew reads from Java. One capture per pattern names the fact; JavaExtractor reads the
; details from the captured node. Matches come in document order.

(method_declaration) @method
(constructor_declaration) @method
(class_declaration) @class
(interface_declaration) @interface
(enum_declaration) @enum
(record_declaration) @record
(object_creation_expression (class_body) @anonymous)
(field_declaration) @field
(local_variable_declaration) @local

(import_declaration) @import

(try_statement) @try
(try_with_resources_statement) @try
(catch_clause) @catch
(throw_statement) @throw

(method_invocation) @call
(object_creation_expression) @new
(binary_expression operator: "+") @concat
(synchronized_statement) @synchronized
