#ifndef HERITAGE_CLIBXML2_SHIM_H
#define HERITAGE_CLIBXML2_SHIM_H

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlerror.h>
#include <libxml/tree.h>

/// `xmlFree` is a global function pointer, which Swift 6 rejects as unsafe
/// shared state; this wrapper calls it for Swift.
static inline void heritage_xml_free(void *pointer) {
  if (pointer != NULL) {
    xmlFree(pointer);
  }
}

/// Installs `handler` as this thread's structured error handler and returns the one it replaces
/// through `previous` and `previousContext`, so the caller can put it back.
///
/// libxml2 2.9's reader, once a schema is plugged into its parser, hands parser errors to a
/// reader-level handler with the wrong context and crashes; the per-thread handler does not
/// go through that path. The reader installs it around each read only.
static inline void heritage_swap_structured_error(void *context, xmlStructuredErrorFunc handler,
                                                  void **previousContext,
                                                  xmlStructuredErrorFunc *previous) {
  *previousContext = xmlStructuredErrorContext;
  *previous = xmlStructuredError;
  xmlSetStructuredErrorFunc(context, handler);
}

/// The line of an element node as libxml2 recorded it while parsing.
static inline long heritage_node_line(xmlNodePtr node) {
  return node == NULL ? 0 : xmlGetLineNo(node);
}

#endif
