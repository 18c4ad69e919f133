#!/usr/bin/env python3
"""Harvests a running `heritage serve` with two OAI-PMH clients this project did not write:
sickle (GET) and pyoai (PyPI `oaipmh`, which POSTs by default).

  1. every record, in the pages the catalog's settings ask for (5 in CI): identifiers and count
     equal to `heritage stats`, no identifier twice, in oai_dc and in the native format;
  2. a second import (the server keeps running), then an incremental harvest `from` the second
     after the first import: exactly the changed records, the withdrawn one as deleted.

Usage: scripts/check-oai.py BASE_URL CATALOG HERITAGE_BINARY SECOND_IMPORT.xml
"""
import datetime
import json
import subprocess
import sys
import time

from oaipmh.client import Client
from oaipmh.metadata import MetadataRegistry, oai_dc_reader
from sickle import Sickle

base, catalog, heritage, second_import = sys.argv[1:5]
endpoint = base + "/oai"
problems = []


def check(condition, message):
    if not condition:
        problems.append(message)


def stats():
    out = subprocess.run([heritage, "stats", "--catalog", catalog, "--format", "json"],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


repository = Sickle(endpoint).Identify().repositoryIdentifier
prefix = "oai:%s:" % repository
total = stats()["total"]

# 1. every record, by GET (sickle) and by POST (pyoai)
for metadata_prefix in ("oai_dc", "heritage"):
    records = list(Sickle(endpoint, max_retries=0).ListRecords(metadataPrefix=metadata_prefix, ignore_deleted=False))
    ids = [record.header.identifier for record in records]
    check(len(ids) == total and len(set(ids)) == total,
          "sickle ListRecords %s: %d records, %d distinct, heritage stats says %d" % (
              metadata_prefix, len(ids), len(set(ids)), total))
    check(all(i.startswith(prefix) for i in ids), "sickle: an identifier without %s" % prefix)

registry = MetadataRegistry()
registry.registerReader("oai_dc", oai_dc_reader)
client = Client(endpoint, registry)
pyoai_headers = list(client.listIdentifiers(metadataPrefix="oai_dc"))
pyoai_ids = [header.identifier() for header in pyoai_headers]
check(len(pyoai_ids) == total and len(set(pyoai_ids)) == total,
      "pyoai ListIdentifiers (POST): %d headers, heritage stats says %d" % (len(pyoai_ids), total))
pyoai_records = list(client.listRecords(metadataPrefix="oai_dc"))
check(len(pyoai_records) == total, "pyoai ListRecords (POST): %d records, expected %d" % (len(pyoai_records), total))
titles = [metadata.getField("title") for _, metadata, _ in pyoai_records if metadata is not None]
check(any("闽剧" in t for t in titles), "pyoai: no record titled 闽剧 in oai_dc")
earliest = client.identify().earliestDatestamp()
newest = max(header.datestamp() for header in pyoai_headers)

# 2. a second import while the server runs, then an incremental harvest
while datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None, microsecond=0) <= newest:
    time.sleep(0.1)
since = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
subprocess.run([heritage, "import", "--catalog", catalog, second_import], check=True, capture_output=True)
changed = {prefix + "ich:cork-painting", prefix + "ich:fuzhou-oil-paper-umbrella"}
withdrawn = prefix + "ich:fuzhou-oil-paper-umbrella"

since_text = since.strftime("%Y-%m-%dT%H:%M:%SZ")
sickle_new = list(Sickle(endpoint, max_retries=0).ListIdentifiers(
    metadataPrefix="oai_dc", ignore_deleted=False, **{"from": since_text}))
check({h.identifier for h in sickle_new} == changed and len(sickle_new) == 2,
      "sickle incremental from %s: %s" % (since_text, sorted(h.identifier for h in sickle_new)))
check(all(h.deleted == (h.identifier == withdrawn) for h in sickle_new), "sickle: the withdrawn record is not deleted")

pyoai_new = list(client.listRecords(metadataPrefix="oai_dc", from_=since.replace(tzinfo=None)))
check({header.identifier() for header, _, _ in pyoai_new} == changed and len(pyoai_new) == 2,
      "pyoai incremental from %s: %s" % (since_text, sorted(h.identifier() for h, _, _ in pyoai_new)))
check(all(header.isDeleted() == (header.identifier() == withdrawn) for header, _, _ in pyoai_new),
      "pyoai: the withdrawn record is not deleted")
check(client.identify().earliestDatestamp() == earliest, "earliestDatestamp moved after the second import")
check(stats()["total"] == total, "the second import changed the number of records")

if problems:
    for problem in problems:
        print("check-oai: " + problem, file=sys.stderr)
    sys.exit(1)
print("check-oai: sickle (GET) and pyoai (POST) harvested %d records in pages; the incremental harvest "
      "returned exactly the 2 changed records, the withdrawn one as deleted" % total)
