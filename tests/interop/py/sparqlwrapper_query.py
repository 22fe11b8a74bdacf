"""sparqlwrapper_query: sends queries to a SPARQL endpoint with python3-sparqlwrapper.

Reads a JSON request on stdin:
  {"endpoint": "http://127.0.0.1:PORT/sparql", "dump": {"path": "...", "format": "nquads"},
   "requests": [{"name": "...", "query": "...", "kind": "select|ask|construct|describe",
                 "returnFormat": "json|xml|csv|turtle|rdfxml" (absent: SPARQLWrapper's default),
                 "method": "GET|POST|POSTDIRECTLY", "defaultGraph": "<IRI>" (optional),
                 "local": true (select: also run it with rdflib), "about": "<IRI>" (describe)}]}
and prints JSON {"<name>": {...}}:
  select: {"vars": [...], "rows": [[lexical or null, ...]], "localRows": [...], "contentType": "..."}
    where localRows (when "local") come from rdflib's own engine over the dump (or over the
    named graph given as defaultGraph); in CSV an empty field is read as unbound.
  ask: {"boolean": true|false, "contentType": "..."}
  construct: {"triples": n, "local": n, "isomorphic": bool, "missing": [...], "extra": [...]},
    compared with the same CONSTRUCT run by rdflib over the dump.
  describe: {"triples": n, "expected": n, "missing": [...]}: every triple of the dump whose
    subject is the described IRI ("about") must be in the answer.
An exception is reported as {"error": "..."}.
"""

import csv
import io
import json
import sys

import rdflib

rdflib.NORMALIZE_LITERALS = False

from rdflib import ConjunctiveGraph, Graph, URIRef  # noqa: E402
from rdflib.compare import isomorphic  # noqa: E402
from SPARQLWrapper import CSV, JSON, POST, POSTDIRECTLY, RDFXML, TURTLE, URLENCODED, XML, SPARQLWrapper  # noqa: E402

FORMATS = {"json": JSON, "xml": XML, "csv": CSV, "turtle": TURTLE, "rdfxml": RDFXML}
RESULTS_NS = "http://www.w3.org/2005/sparql-results#"


def wrapper(endpoint, item):
    sparql = SPARQLWrapper(endpoint)
    sparql.setQuery(item["query"])
    if "returnFormat" in item:
        sparql.setReturnFormat(FORMATS[item["returnFormat"]])
    if "defaultGraph" in item:
        sparql.addDefaultGraph(item["defaultGraph"])
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


def rows_from_csv(data):
    records = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    variables, rows = records[0], records[1:]
    return variables, [[value if value != "" else None for value in row] for row in rows]


def local_rows(local_graph, item):
    graph = local_graph
    if "defaultGraph" in item:
        graph = local_graph.get_context(URIRef(item["defaultGraph"]))
    result = graph.query(item["query"])
    return [[None if row[i] is None else str(row[i]) for i in range(len(result.vars))] for row in result]


def select(endpoint, item, local_graph):
    response = wrapper(endpoint, item).query()
    content_type = response.info().get("content-type", "")
    converted = response.convert()
    if item.get("returnFormat") == "json":
        variables = converted["head"]["vars"]
        rows = [[b.get(v, {}).get("value") for v in variables] for b in converted["results"]["bindings"]]
    elif item.get("returnFormat") == "csv":
        variables, rows = rows_from_csv(converted)
    else:
        variables, rows = rows_from_xml(converted)
    local = local_rows(local_graph, item) if item.get("local") else None
    return {"vars": variables, "rows": rows, "localRows": local, "contentType": content_type}


def ask(endpoint, item):
    response = wrapper(endpoint, item).query()
    content_type = response.info().get("content-type", "")
    converted = response.convert()
    if item.get("returnFormat") == "json":
        value = converted["boolean"]
    else:
        value = text_of(converted.getElementsByTagNameNS(RESULTS_NS, "boolean")[0]).strip() == "true"
    return {"boolean": value, "contentType": content_type}


def as_graph(converted):
    """SPARQLWrapper parses RDF/XML itself; Turtle comes as bytes and JSON(-LD) as a dict."""
    if isinstance(converted, Graph):
        return converted
    graph = Graph()
    if isinstance(converted, (dict, list)):
        graph.parse(data=json.dumps(converted), format="json-ld")
    else:
        graph.parse(data=converted, format="turtle")
    return graph


def describe(endpoint, item, local_graph):
    response = wrapper(endpoint, item).query()
    content_type = response.info().get("content-type", "")
    converted = as_graph(response.convert())
    about = URIRef(item["about"])
    expected = set(local_graph.triples((about, None, None)))
    missing = sorted(" ".join(t.n3() for t in x) for x in expected - set(converted))
    return {"contentType": content_type, "triples": len(converted), "expected": len(expected),
            "missing": missing[:8]}


def construct(endpoint, item, local_graph):
    response = wrapper(endpoint, item).query()
    content_type = response.info().get("content-type", "")
    converted = as_graph(response.convert())
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
    local_graph = ConjunctiveGraph()
    local_graph.parse(source=request["dump"]["path"], format=request["dump"]["format"])
    kinds = {"select": select, "construct": construct, "describe": describe}
    out = {}
    for item in request["requests"]:
        try:
            if item["kind"] == "ask":
                out[item["name"]] = ask(endpoint, item)
            else:
                out[item["name"]] = kinds[item["kind"]](endpoint, item, local_graph)
        except Exception as error:
            out[item["name"]] = {"error": type(error).__name__ + ": " + str(error)[:2000]}
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
