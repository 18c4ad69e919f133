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

/// The line of an element node as libxml2 recorded it while parsing.
static inline long heritage_node_line(xmlNodePtr node) {
  return node == NULL ? 0 : xmlGetLineNo(node);
}

#endif
