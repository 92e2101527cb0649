/*
 * Flattens a tree-sitter tree into an int array in one native call, so that Java reads nodes as
 * array slots instead of paying a downcall (and an allocation) per node visit. Compiled into
 * libtree-sitter by src/build/build-natives.sh.
 *
 * Each node takes ANANKE_NODE_INTS ints, in preorder (document order, parents first):
 *   0 symbol | flags << 16 (flags: 1 named, 2 missing, 4 has_error, 8 error, 16 extra)
 *   1 field id (0: none)    2 parent index (-1: root)    3 next sibling index (-1: none)
 *   4 start byte            5 end byte
 *   6 start row             7 start column (bytes)       8 end row       9 end column
 */
#include <stdint.h>
#include <stdlib.h>
#include "tree_sitter/api.h"

#define ANANKE_NODE_INTS 10

/*
 * Writes the nodes of `tree` to `out` (room for `capacity` nodes). Returns the number of nodes,
 * or, when they do not fit, minus the number needed (call again with that much room), or
 * INT32_MIN when memory ran out.
 */
int32_t ananke_flatten(const TSTree *tree, int32_t capacity, int32_t *out) {
  TSNode root = ts_tree_root_node(tree);
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  int32_t depth_capacity = 64;
  int32_t *last_child = malloc(sizeof(int32_t) * depth_capacity); /* last node seen at each depth */
  int32_t *parents = malloc(sizeof(int32_t) * depth_capacity);
  if (!last_child || !parents) {
    free(last_child);
    free(parents);
    ts_tree_cursor_delete(&cursor);
    return INT32_MIN;
  }
  int32_t depth = 0, count = 0;
  last_child[0] = -1;
  parents[0] = -1;
  for (;;) {
    TSNode node = ts_tree_cursor_current_node(&cursor);
    if (count < capacity) {
      int32_t *slot = out + (int64_t)count * ANANKE_NODE_INTS;
      int32_t flags = (ts_node_is_named(node) ? 1 : 0) | (ts_node_is_missing(node) ? 2 : 0) |
                      (ts_node_has_error(node) ? 4 : 0) | (ts_node_is_error(node) ? 8 : 0) |
                      (ts_node_is_extra(node) ? 16 : 0);
      TSPoint start = ts_node_start_point(node), end = ts_node_end_point(node);
      slot[0] = (int32_t)ts_node_symbol(node) | (flags << 16);
      slot[1] = ts_tree_cursor_current_field_id(&cursor);
      slot[2] = parents[depth];
      slot[3] = -1;
      slot[4] = (int32_t)ts_node_start_byte(node);
      slot[5] = (int32_t)ts_node_end_byte(node);
      slot[6] = (int32_t)start.row;
      slot[7] = (int32_t)start.column;
      slot[8] = (int32_t)end.row;
      slot[9] = (int32_t)end.column;
      if (last_child[depth] >= 0) out[(int64_t)last_child[depth] * ANANKE_NODE_INTS + 3] = count;
    }
    last_child[depth] = count;
    int32_t self = count++;
    if (ts_tree_cursor_goto_first_child(&cursor)) {
      if (++depth >= depth_capacity) {
        depth_capacity *= 2;
        int32_t *a = realloc(last_child, sizeof(int32_t) * depth_capacity);
        if (a) last_child = a;
        int32_t *b = realloc(parents, sizeof(int32_t) * depth_capacity);
        if (b) parents = b;
        if (!a || !b) {
          free(last_child);
          free(parents);
          ts_tree_cursor_delete(&cursor);
          return INT32_MIN;
        }
      }
      last_child[depth] = -1;
      parents[depth] = self;
      continue;
    }
    while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
      if (!ts_tree_cursor_goto_parent(&cursor)) {
        free(last_child);
        free(parents);
        ts_tree_cursor_delete(&cursor);
        return count <= capacity ? count : -count;
      }
      depth--;
    }
  }
}
