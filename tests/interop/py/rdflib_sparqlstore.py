"""rdflib_sparqlstore: uses our endpoint as a remote rdflib graph, the way rdflib users do.

Reads a JSON request on stdin:
  {"endpoint": "http://127.0.0.1:PORT/sparql", "dump": {"path": "...", "format": "nquads"},
   "subject": "<IRI>", "query": "<a SELECT>", "construct": "<a CONSTRUCT>",
   "serviceQuery": "<a SELECT ending in its WHERE block's }>"}
and prints JSON {"<operation>": {"remote": ..., "local": ...} or {"error": "..."}}: each operation
run through rdflib's SPARQLStore (GET and POST; SPARQL XML and JSON results) and, for the
"local" answer, on a ConjunctiveGraph parsed from the dump. Operations: select, triples (a subject's
triples), len (number of triples), value (a subject's schema:name), construct, ask, contexts (the
named graphs), service (serviceQuery's pattern inside a SERVICE clause of a query rdflib evaluates
locally; rdflib 6.1.1 drops plain literals from SERVICE results, so serviceQuery binds only IRIs
and typed literals).
"""

import json
import sys

import rdflib

rdflib.NORMALIZE_LITERALS = False

from rdflib import ConjunctiveGraph, Graph, URIRef  # noqa: E402
from rdflib.plugins.stores.sparqlstore import SPARQLStore  # noqa: E402

SCHEMA_NAME = URIRef("https://schema.org/name")


def rows(result):
    return sorted([[None if row[i] is None else str(row[i]) for i in range(len(result.vars))] for row in result],
                  key=json.dumps)


def lines(triples):
    return sorted(" ".join(term.n3() for term in triple) for triple in triples)


def main():
    request = json.load(sys.stdin)
    endpoint, subject = request["endpoint"], URIRef(request["subject"])
    local = ConjunctiveGraph()
    local.parse(source=request["dump"]["path"], format=request["dump"]["format"])
    local_graphs = sorted(str(c.identifier) for c in local.contexts() if len(c) > 0)

    def remote(return_format="xml", method="GET"):
        return Graph(store=SPARQLStore(endpoint, returnFormat=return_format, method=method))

    operations = {
        "select xml GET": lambda: (rows(remote().query(request["query"])), rows(local.query(request["query"]))),
        "select json GET": lambda: (rows(remote("json").query(request["query"])), rows(local.query(request["query"]))),
        "select xml POST": lambda: (rows(remote(method="POST").query(request["query"])), rows(local.query(request["query"]))),
        "triples": lambda: (lines(remote().triples((subject, None, None))), lines(local.triples((subject, None, None)))),
        "len": lambda: (len(remote()), len(local)),
        "value": lambda: (str(remote().value(subject, SCHEMA_NAME)), str(local.value(subject, SCHEMA_NAME))),
        "construct": lambda: (lines(remote().query(request["construct"]).graph), lines(local.query(request["construct"]).graph)),
        "ask": lambda: (bool(remote().query("ASK { ?s ?p ?o }")), bool(local.query("ASK { ?s ?p ?o }"))),
        "contexts": lambda: (sorted(str(c.identifier) for c in ConjunctiveGraph(store=SPARQLStore(endpoint)).contexts()), local_graphs),
        "service": lambda: (
            rows(Graph().query(request["serviceQuery"].replace("WHERE {", "WHERE { SERVICE <" + endpoint + "> {", 1) + " }")),
            rows(local.query(request["serviceQuery"])),
        ),
    }
    out = {}
    for name, operation in operations.items():
        try:
            got, expected = operation()
            out[name] = {"remote": got, "local": expected}
        except Exception as error:
            out[name] = {"error": type(error).__name__ + ": " + str(error)[:2000]}
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
