/*
 * Flattens a tree-sitter tree into an int array in one native call, so that Java reads nodes as
 * array slots instead of paying a downcall (and an allocation) per node visit. Compiled into
 * libtree-sitter by src/build/build-natives.sh, next to the runtime's own sources: it walks the
 * runtime's internal subtrees directly (as ts_tree_cursor does, without its per-step overhead:
 * the cursor re-derives the alias sequence, the field map and its place among the siblings at
 * every move, and the field lookup walks the stack again per node).
 *
 * Each node takes ANANKE_NODE_INTS ints, in preorder (document order, parents first), exactly
 * the nodes a TSTreeCursor visits (the root and its visible descendants):
 *   0 symbol | flags << 16 (flags: 1 named, 2 missing, 4 has_error, 8 error, 16 extra)
 *   1 field id (0: none)    2 parent index (-1: root)    3 next sibling index (-1: none)
 *   4 start byte            5 end byte
 * Symbols, fields and flags are those ts_node_symbol, ts_tree_cursor_current_field_id and the
 * ts_node_is_* functions give. Rows and columns are not written: the lexer counts a row per '\n'
 * and a column per byte, so Java derives them from the byte offsets and the text's line starts,
 * for the few nodes that need them (origins), instead of the flatten writing four more ints for
 * every node.
 *
 * Each subtree is decoded once into an Info (inline subtrees hold their data in the pointer's
 * place, heap ones behind it), and a child's start is the previous child's end plus its own
 * padding: reading every field through ts_subtree_* (one inline test each) and each next
 * sibling's padding ahead made the walk a third slower (docs/clew.md).
 */
#include <stdint.h>
#include <stdlib.h>
#include "tree_sitter/api.h"
#include "./subtree.h"
#include "./language.h"
#include "./tree.h"

#define ANANKE_NODE_INTS 6

/* What the walk reads of one subtree. */
typedef struct {
  uint32_t padding, size, child_count;
  TSSymbol symbol;
  bool visible, named, extra, missing, has_error, has_visible_children;
} Info;

static inline void decode(Subtree t, Info *i) {
  if (t.data.is_inline) {
    i->padding = t.data.padding_bytes;
    i->size = t.data.size_bytes;
    i->child_count = 0;
    i->symbol = t.data.symbol;
    i->visible = t.data.visible;
    i->named = t.data.named;
    i->extra = t.data.extra;
    i->missing = t.data.is_missing;
    i->has_error = t.data.is_missing;
    i->has_visible_children = false;
  } else {
    const SubtreeHeapData *p = t.ptr;
    i->padding = p->padding.bytes;
    i->size = p->size.bytes;
    i->child_count = p->child_count;
    i->symbol = p->symbol;
    i->visible = p->visible;
    i->named = p->named;
    i->extra = p->extra;
    i->missing = p->is_missing;
    i->has_error = p->is_missing || p->error_cost > 0;
    i->has_visible_children = p->child_count && p->visible_child_count > 0;
  }
}

/* One subtree whose children are being visited. */
typedef struct {
  const Subtree *children;
  uint32_t child_count, child_index;
  uint32_t structural_index;   /* among the non-extra children */
  uint32_t position;           /* end of the last child visited (before the first: the subtree's start) */
  const TSSymbol *aliases;     /* of the subtree's production, or NULL */
  const TSFieldMapEntry *fields, *fields_end;
  int32_t parent;              /* the visible node the children belong to */
  uint32_t owner;              /* the frame of that node (keeps its last child) */
  int32_t last_child;          /* in the owner frame: the last child written */
  TSFieldId inherited;         /* a hidden subtree's field, for children without one */
} Frame;

static void open_frame(Frame *f, const TSLanguage *language, Subtree subtree, uint32_t position,
                       int32_t parent, uint32_t owner, TSFieldId inherited) {
  f->children = ts_subtree_children(subtree);
  f->child_count = subtree.ptr->child_count;
  f->child_index = 0;
  f->structural_index = 0;
  f->position = position;
  uint32_t production = subtree.ptr->production_id;
  f->aliases = ts_language_alias_sequence(language, production);
  ts_language_field_map(language, production, &f->fields, &f->fields_end);
  f->parent = parent;
  f->owner = owner;
  f->last_child = -1;
  f->inherited = inherited;
}

/* The nodes ananke_flatten writes for `tree`: the root and its visible descendants. */
int32_t ananke_node_count(const TSTree *tree) {
  return (int32_t)ts_subtree_visible_descendant_count(tree->root) + 1;
}

static inline void write_node(int32_t *slot, const TSLanguage *language, const Info *i, TSSymbol alias, TSFieldId field,
                         int32_t parent, uint32_t start) {
  TSSymbol raw = alias ? alias : i->symbol;
  /* ts_language_public_symbol, inlined: it is a call into another translation unit per node */
  TSSymbol symbol = raw == ts_builtin_sym_error ? raw : language->public_symbol_map[raw];
  bool named = alias ? ts_language_symbol_metadata(language, alias).named : i->named;
  int32_t flags = (named ? 1 : 0) | (i->missing ? 2 : 0) | (i->has_error ? 4 : 0) |
                  (symbol == ts_builtin_sym_error ? 8 : 0) | (i->extra ? 16 : 0);
  slot[0] = (int32_t)symbol | (flags << 16);
  slot[1] = field;
  slot[2] = parent;
  slot[3] = -1;
  slot[4] = (int32_t)start;
  slot[5] = (int32_t)(start + i->size);
}

/*
 * Writes the nodes of `tree` to `out` (room for `capacity` nodes). Returns the number of nodes,
 * or, when they do not fit, minus the number needed (call again with that much room), or
 * INT32_MIN when memory ran out.
 */
int32_t ananke_flatten(const TSTree *tree, int32_t capacity, int32_t *out) {
  const TSLanguage *language = tree->language;
  Subtree root = tree->root;
  Info ri;
  decode(root, &ri);
  int32_t count = 1;
  if (capacity >= 1) write_node(out, language, &ri, 0, 0, -1, ri.padding);
  if (ri.child_count == 0) return count <= capacity ? count : -count;

  uint32_t frame_capacity = 64, depth = 0;
  Frame *frames = malloc(sizeof(Frame) * frame_capacity);
  if (!frames) return INT32_MIN;
  open_frame(&frames[depth++], language, root, ri.padding, 0, 0, 0);

  while (depth > 0) {
    Frame *f = &frames[depth - 1];
    if (f->child_index == f->child_count) {
      depth--;
      continue;
    }
    Subtree child = f->children[f->child_index++];
    Info ci;
    decode(child, &ci);
    uint32_t position = f->position + (f->child_index > 1 ? ci.padding : 0);
    f->position = position + ci.size;
    TSSymbol alias = 0;
    TSFieldId field = 0;
    if (!ci.extra) {
      uint32_t index = f->structural_index++;
      if (f->aliases) alias = f->aliases[index];
      for (const TSFieldMapEntry *map = f->fields; map < f->fields_end; map++) {
        if (!map->inherited && map->child_index == index) {
          field = map->field_id;
          break;
        }
      }
      if (!field) field = f->inherited;
    }
    int32_t self = -1;
    if (ci.visible || alias) {
      self = count;
      Frame *owner = &frames[f->owner];
      if (count < capacity) {
        write_node(out + (int64_t)count * ANANKE_NODE_INTS, language, &ci, alias, field, f->parent, position);
        if (owner->last_child >= 0 && owner->last_child < capacity) {
          out[(int64_t)owner->last_child * ANANKE_NODE_INTS + 3] = count;
        }
      }
      owner->last_child = count;
      count++;
      if (ci.child_count == 0) continue;
    } else if (!ci.has_visible_children) {
      continue;
    }
    /* Descend: into a visible node (its children are its own) or into a hidden one (its
       visible descendants are children of the current visible node). */
    if (depth == frame_capacity) {
      frame_capacity *= 2;
      Frame *grown = realloc(frames, sizeof(Frame) * frame_capacity);
      if (!grown) {
        free(frames);
        return INT32_MIN;
      }
      frames = grown;
      f = &frames[depth - 1];
    }
    if (self >= 0) {
      open_frame(&frames[depth], language, child, position, self, depth, 0);
    } else {
      open_frame(&frames[depth], language, child, position, f->parent, f->owner, ci.extra ? 0 : field);
    }
    depth++;
  }
  free(frames);
  return count <= capacity ? count : -count;
}
