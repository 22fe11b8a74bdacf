"""rdflib_select: runs SELECT queries with python3-rdflib's own SPARQL engine over an RDF dump.

Reads a JSON request on stdin:
  {"dump": {"path": "...", "format": "nquads"}, "queries": [{"name": "...", "query": "..."}]}
and prints JSON {"<name>": {"vars": [...], "rows": [[lexical value or null, ...], ...]}} or
{"<name>": {"error": "..."}}. The default graph is the union of the dump's graphs, as on /sparql.
"""

import json
import sys

import rdflib

rdflib.NORMALIZE_LITERALS = False

from rdflib import ConjunctiveGraph  # noqa: E402


def lexical(term):
    return None if term is None else str(term)


def main():
    request = json.load(sys.stdin)
    dump = request["dump"]
    graph = ConjunctiveGraph()
    graph.parse(source=dump["path"], format=dump["format"])
    out = {}
    for item in request["queries"]:
        try:
            result = graph.query(item["query"])
            names = [str(v) for v in result.vars]
            rows = [[lexical(row[i]) for i in range(len(names))] for row in result]
            out[item["name"]] = {"vars": names, "rows": rows}
        except Exception as error:
            out[item["name"]] = {"error": type(error).__name__ + ": " + str(error)[:2000]}
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
