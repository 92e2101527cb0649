#!/usr/bin/env python3
"""Parses files with the tree-sitter grammars Clew builds and reports ERROR and MISSING nodes.

    ts_check.py NATIVE_DIR FILE...

NATIVE_DIR holds libtree-sitter.so and libtree-sitter-<lang>.so, as built by
ananke-clew/src/build/build-natives.sh (cached under ~/.cache/ananke/native/<hash>/). The
language comes from the file extension. Exit code 1 when any file has a syntax error.
Standard library only (ctypes), so that it runs wherever the natives do.
"""
import ctypes
import os
import sys


class TSNode(ctypes.Structure):
    _fields_ = [("context", ctypes.c_uint32 * 4), ("id", ctypes.c_void_p), ("tree", ctypes.c_void_p)]


class TSPoint(ctypes.Structure):
    _fields_ = [("row", ctypes.c_uint32), ("column", ctypes.c_uint32)]


LANGUAGES = {".ts": "typescript", ".py": "python", ".rs": "rust", ".go": "go", ".zig": "zig"}


def main():
    native, files = sys.argv[1], sys.argv[2:]
    ts = ctypes.CDLL(os.path.join(native, "libtree-sitter.so"), mode=ctypes.RTLD_GLOBAL)
    ts.ts_parser_new.restype = ctypes.c_void_p
    ts.ts_parser_set_language.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
    ts.ts_parser_set_language.restype = ctypes.c_bool
    ts.ts_parser_parse_string.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_char_p, ctypes.c_uint32]
    ts.ts_parser_parse_string.restype = ctypes.c_void_p
    ts.ts_tree_root_node.argtypes = [ctypes.c_void_p]
    ts.ts_tree_root_node.restype = TSNode
    ts.ts_tree_delete.argtypes = [ctypes.c_void_p]
    for name, res in [("ts_node_has_error", ctypes.c_bool), ("ts_node_is_error", ctypes.c_bool),
                      ("ts_node_is_missing", ctypes.c_bool), ("ts_node_child_count", ctypes.c_uint32),
                      ("ts_node_start_point", TSPoint), ("ts_node_type", ctypes.c_char_p)]:
        getattr(ts, name).argtypes = [TSNode]
        getattr(ts, name).restype = res
    ts.ts_node_child.argtypes = [TSNode, ctypes.c_uint32]
    ts.ts_node_child.restype = TSNode

    failed = 0
    for path in files:
        lang = LANGUAGES[os.path.splitext(path)[1]]
        grammar = ctypes.CDLL(os.path.join(native, "libtree-sitter-%s.so" % lang))
        fn = getattr(grammar, "tree_sitter_" + lang)
        fn.restype = ctypes.c_void_p
        parser = ts.ts_parser_new()
        assert ts.ts_parser_set_language(parser, fn()), "language version mismatch for " + lang
        source = open(path, "rb").read()
        tree = ts.ts_parser_parse_string(parser, None, source, len(source))
        root = ts.ts_tree_root_node(tree)
        errors = []

        def walk(node):
            if not ts.ts_node_has_error(node) and not ts.ts_node_is_missing(node):
                return
            if ts.ts_node_is_error(node) or ts.ts_node_is_missing(node):
                p = ts.ts_node_start_point(node)
                kind = "MISSING " + ts.ts_node_type(node).decode() if ts.ts_node_is_missing(node) else "ERROR"
                errors.append("%s:%d:%d: %s" % (path, p.row + 1, p.column + 1, kind))
            for i in range(ts.ts_node_child_count(node)):
                walk(ts.ts_node_child(node, i))

        walk(root)
        ts.ts_tree_delete(tree)
        if errors:
            failed += 1
            print("\n".join(errors[:20]))
        else:
            print("ok %s (%s)" % (path, lang))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    sys.setrecursionlimit(100000)
    main()
