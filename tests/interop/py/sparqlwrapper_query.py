"""sparqlwrapper_query: sends queries to a SPARQL endpoint with python3-sparqlwrapper.

Reads a JSON request on stdin:
  {"endpoint": "http://127.0.0.1:PORT/sparql", "dump": {"path": "...", "format": "nquads"},
   "requests": [{"name": "...", "query": "...", "kind": "select|ask|construct",
                 "returnFormat": "json|xml|turtle|rdfxml", "method": "GET|POST|POSTDIRECTLY"}]}
and prints JSON {"<name>": {...}}:
  select: {"vars": [...], "rows": [[lexical or null, ...]], "contentType": "..."}
  ask: {"boolean": true|false, "contentType": "..."}
  construct: {"triples": n, "local": n, "isomorphic": bool, "missing": [...], "extra": [...]},
    compared with the same CONSTRUCT run by rdflib over the dump.
An exception is reported as {"error": "..."}.
"""

import json
import sys

import rdflib

rdflib.NORMALIZE_LITERALS = False

from rdflib import ConjunctiveGraph, Graph  # noqa: E402
from rdflib.compare import isomorphic  # noqa: E402
from SPARQLWrapper import JSON, POST, POSTDIRECTLY, RDFXML, TURTLE, URLENCODED, XML, SPARQLWrapper  # noqa: E402

FORMATS = {"json": JSON, "xml": XML, "turtle": TURTLE, "rdfxml": RDFXML}
RESULTS_NS = "http://www.w3.org/2005/sparql-results#"


def wrapper(endpoint, item):
    sparql = SPARQLWrapper(endpoint)
    sparql.setQuery(item["query"])
    sparql.setReturnFormat(FORMATS[item["returnFormat"]])
    method = item.get("method", "GET")
    if method in ("POST", "POSTDIRECTLY"):
        sparql.setMethod(POST)
        sparql.setRequestMethod(POSTDIRECTLY if method == "POSTDIRECTLY" else URLENCODED)
    return sparql


def text_of(node):
    return "".join(child.data for child in node.childNodes if child.nodeType == child.TEXT_NODE)


def rows_from_xml(document):
    variables = [v.getAttribute("name") for v in document.getElementsByTagNameNS(RESULTS_NS, "variable")]
    rows = []
    for result in document.getElementsByTagNameNS(RESULTS_NS, "result"):
        values = {}
        for binding in result.getElementsByTagNameNS(RESULTS_NS, "binding"):
            term = next(c for c in binding.childNodes if c.nodeType == c.ELEMENT_NODE)
            values[binding.getAttribute("name")] = text_of(term)
        rows.append([values.get(v) for v in variables])
    return variables, rows


def select(endpoint, item):
    response = wrapper(endpoint, item).query()
    content_type = response.info().get("content-type", "")
    converted = response.convert()
    if item["returnFormat"] == "json":
        variables = converted["head"]["vars"]
        rows = [[b.get(v, {}).get("value") for v in variables] for b in converted["results"]["bindings"]]
    else:
        variables, rows = rows_from_xml(converted)
    return {"vars": variables, "rows": rows, "contentType": content_type}


def ask(endpoint, item):
    response = wrapper(endpoint, item).query()
    content_type = response.info().get("content-type", "")
    converted = response.convert()
    if item["returnFormat"] == "json":
        value = converted["boolean"]
    else:
        value = text_of(converted.getElementsByTagNameNS(RESULTS_NS, "boolean")[0]).strip() == "true"
    return {"boolean": value, "contentType": content_type}


def construct(endpoint, item, local_graph):
    response = wrapper(endpoint, item).query()
    content_type = response.info().get("content-type", "")
    converted = response.convert()
    if not isinstance(converted, Graph):
        # SPARQLWrapper returns bytes for formats it does not parse itself (Turtle): parse with rdflib.
        graph = Graph()
        graph.parse(data=converted, format="turtle")
        converted = graph
    local = Graph()
    for triple in local_graph.query(item["query"]):
        local.add(triple)
    remote_set, local_set = set(converted), set(local)
    return {
        "contentType": content_type,
        "triples": len(converted),
        "local": len(local),
        "isomorphic": isomorphic(converted, local),
        "missing": sorted(" ".join(t.n3() for t in x) for x in local_set - remote_set)[:8],
        "extra": sorted(" ".join(t.n3() for t in x) for x in remote_set - local_set)[:8],
    }


def main():
    request = json.load(sys.stdin)
    endpoint = request["endpoint"]
    local_graph = None
    out = {}
    for item in request["requests"]:
        try:
            if item["kind"] == "select":
                out[item["name"]] = select(endpoint, item)
            elif item["kind"] == "ask":
                out[item["name"]] = ask(endpoint, item)
            else:
                if local_graph is None:
                    local_graph = ConjunctiveGraph()
                    local_graph.parse(source=request["dump"]["path"], format=request["dump"]["format"])
                out[item["name"]] = construct(endpoint, item, local_graph)
        except Exception as error:
            out[item["name"]] = {"error": type(error).__name__ + ": " + str(error)[:2000]}
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
