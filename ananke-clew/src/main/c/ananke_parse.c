/*
 * Parses a source text with every allocation of the parse in one bump arena, released at once.
 * Compiled into libtree-sitter by src/build/build-natives.sh, next to ananke_flatten.c.
 *
 * Why: a parse mallocs every subtree, stack node and array of the tree it builds (tens of
 * thousands of calls for a 1,000-line file), and deleting the tree walks all of them again to
 * free them. Clew only reads a tree once (ananke_flatten) and drops it, so the tree's memory can
 * come from one arena, with free a no-op, and be dropped whole without a walk: measured here, a
 * tenth of the parse time. The arena's memory is reused by the next parse on the same thread, so
 * its pages are not faulted in again.
 *
 * How: the runtime calls ts_malloc & co. through function pointers (ts_set_allocator), installed
 * when the library loads. They use the arena of the parse running on the calling thread, and
 * plain malloc & co. otherwise (jtreesitter's own objects, any other use of the runtime). An
 * arena tree must only be released with ananke_parse_release, never with ts_tree_delete.
 * Grammar libraries' external scanners allocate with the C library directly, in matched pairs,
 * so they never see the arena.
 */
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tree_sitter/api.h"

/* Arena memory comes in chunks; a parse that outgrows its chunk links a larger one. */
typedef struct Chunk {
  struct Chunk *next;
  size_t size; /* bytes of data */
  size_t used;
  max_align_t data[];
} Chunk;

/* Each allocation is preceded by its size, so realloc knows how much to copy. */
#define HEADER sizeof(max_align_t)
#define ALIGN(n) (((n) + sizeof(max_align_t) - 1) & ~(sizeof(max_align_t) - 1))
#define MIN_CHUNK ((size_t)256 << 10)
/* The largest chunk a thread keeps for its next parse; larger ones go back to the C library. */
#define MAX_SPARE ((size_t)16 << 20)

/* Handed to Java: the tree and the arena that holds it. */
typedef struct AnankeParse {
  TSTree *tree;
  Chunk *chunks; /* newest first */
} AnankeParse;

static __thread Chunk *current; /* the chunks of the parse running on this thread, or NULL */
/* The chunk kept from the last parse on this thread: a thread-specific value, not __thread, so
   that it is freed when the thread ends (extraction runs on short-lived worker threads). */
static pthread_key_t spare_key;
static pthread_once_t spare_once = PTHREAD_ONCE_INIT;

static void spare_key_create(void) {
  if (pthread_key_create(&spare_key, free) != 0) abort();
}

static Chunk *take_spare(void) {
  pthread_once(&spare_once, spare_key_create);
  Chunk *c = pthread_getspecific(spare_key);
  if (c) pthread_setspecific(spare_key, NULL);
  return c;
}

/* Keeps `c` for the next parse on this thread, or frees it if the kept one is larger. */
static void keep_spare(Chunk *c) {
  pthread_once(&spare_once, spare_key_create);
  Chunk *old = pthread_getspecific(spare_key);
  if (old && old->size >= c->size) {
    free(c);
    return;
  }
  free(old);
  if (pthread_setspecific(spare_key, c) != 0) free(c);
}

void ananke_parse_release(struct AnankeParse *parse);

static void out_of_memory(size_t size) {
  fprintf(stderr, "ananke_parse: failed to allocate %zu bytes\n", size);
  abort(); /* as the runtime's own allocator does: tree-sitter does not check for NULL */
}

static Chunk *chunk_new(size_t at_least, Chunk *next) {
  size_t size = at_least < MIN_CHUNK ? MIN_CHUNK : at_least;
  Chunk *c = take_spare();
  if (c && c->size < size) {
    free(c);
    c = NULL;
  }
  if (!c) {
    c = malloc(sizeof(Chunk) + size);
    if (!c) out_of_memory(size);
    c->size = size;
  }
  c->next = next;
  c->used = 0;
  return c;
}

static int owned(const void *p) {
  for (const Chunk *c = current; c; c = c->next) {
    if ((const char *)p >= (const char *)c->data && (const char *)p < (const char *)c->data + c->size) return 1;
  }
  return 0;
}

static void *bump(size_t size) {
  size_t need = HEADER + ALIGN(size ? size : 1);
  Chunk *c = current;
  if (c->size - c->used < need) {
    c = current = chunk_new(need > c->size * 2 ? need : c->size * 2, c);
  }
  char *block = (char *)c->data + c->used;
  c->used += need;
  *(size_t *)block = size;
  return block + HEADER;
}

static void *arena_malloc(size_t size) {
  if (!current) {
    void *p = malloc(size);
    if (!p && size) out_of_memory(size);
    return p;
  }
  return bump(size);
}

static void *arena_calloc(size_t count, size_t size) {
  if (!current) {
    void *p = calloc(count, size);
    if (!p && count && size) out_of_memory(count * size);
    return p;
  }
  if (size && count > SIZE_MAX / size) out_of_memory(SIZE_MAX);
  void *p = bump(count * size);
  memset(p, 0, count * size);
  return p;
}

static void *arena_realloc(void *p, size_t size) {
  if (!current || (p && !owned(p))) {
    void *q = realloc(p, size);
    if (!q && size) out_of_memory(size);
    return q;
  }
  if (!p) return bump(size);
  size_t old = *(size_t *)((char *)p - HEADER);
  if (size <= old) return p;
  /* the newest block of the newest chunk grows in place: arrays that are appended to */
  Chunk *c = current;
  char *end = (char *)c->data + c->used;
  if ((char *)p + ALIGN(old) == end && c->size - c->used >= ALIGN(size) - ALIGN(old)) {
    c->used += ALIGN(size) - ALIGN(old);
    *(size_t *)((char *)p - HEADER) = size;
    return p;
  }
  void *q = bump(size);
  memcpy(q, p, old);
  return q;
}

static void arena_free(void *p) {
  if (!p) return;
  if (current && owned(p)) return; /* dropped with the whole arena */
  free(p);
}

__attribute__((constructor)) static void install(void) {
  ts_set_allocator(arena_malloc, arena_calloc, arena_realloc, arena_free);
}

/*
 * Parses `length` bytes of UTF-8 `text` with a new parser, in a new arena. Returns NULL when the
 * language is incompatible with this runtime or the parse produced no tree.
 */
AnankeParse *ananke_parse(const TSLanguage *language, const char *text, uint32_t length) {
  AnankeParse *result = malloc(sizeof(AnankeParse));
  if (!result) out_of_memory(sizeof(AnankeParse));
  /* about 50 bytes of tree per byte of source, measured on the fixtures */
  current = chunk_new((size_t)length * 64, NULL);
  TSParser *parser = ts_parser_new();
  TSTree *tree = NULL;
  if (ts_parser_set_language(parser, language)) tree = ts_parser_parse_string(parser, NULL, text, length);
  ts_parser_delete(parser);
  result->tree = tree;
  result->chunks = current;
  current = NULL;
  if (!tree) {
    ananke_parse_release(result);
    return NULL;
  }
  return result;
}

const TSTree *ananke_parse_tree(const AnankeParse *parse) {
  return parse->tree;
}

/* Drops the tree and its arena; the largest chunk is kept for the thread's next parse. */
void ananke_parse_release(struct AnankeParse *parse) {
  Chunk *keep = NULL;
  for (Chunk *c = parse->chunks, *next; c; c = next) {
    next = c->next;
    if (c->size <= MAX_SPARE && (!keep || c->size > keep->size)) {
      if (keep) free(keep);
      keep = c;
    } else {
      free(c);
    }
  }
  if (keep) keep_spare(keep);
  free(parse);
}
