; Facts Clew reads from Python. One capture per pattern names the fact; PythonExtractor reads
; the details from the captured node. Matches come in document order.

(function_definition) @function
(decorated_definition) @decorated
(lambda) @lambda
(class_definition) @class
(type_alias_statement) @alias

(import_statement) @import
(import_from_statement) @import_from

(try_statement) @try
(except_clause) @except
(raise_statement) @raise
(await) @await

(call) @call
(assignment) @assignment
(keyword_argument) @keyword
(binary_operator) @concat
(string (interpolation)) @fstring
