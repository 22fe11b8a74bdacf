"""rdflib_compare: parses RDF documents with python3-rdflib and compares them with references.

Reads a JSON request on stdin:
  {"documents": {"<key>": {"path": "...", "format": "turtle|nt|nquads|trig|json-ld|xml",
                           "publicID": "<the URL it was fetched from>"}
                  or {"url": "http://...", "format": "..."} (rdflib dereferences it itself)},
   "checks": [{"document": "<key>", "against": "<key>", "mode": "triples|quads|subset|subjects",
               "subjects": ["<IRI>", ...] (mode "subjects")}]}
and prints JSON: {"documents": {"<key>": {"triples", "graphs", "error"}},
                  "checks": [{..., "ok", "missing", "extra", "missingCount", "extraCount"}]}.

Modes: "triples" = the merged graphs are isomorphic (rdflib.compare.isomorphic; for graphs without
blank nodes, the same set of triples); "quads" = the same graph names and each named graph
isomorphic; "subset" = every triple of the document is in the
reference; "subjects" = every triple of the reference about the given subjects is in the
document. "missing" = in the reference, not in the document; "extra" = the other way.
Literals are kept as printed (rdflib.NORMALIZE_LITERALS = False), so a changed lexical form shows.
"""

import json
import sys

import rdflib

rdflib.NORMALIZE_LITERALS = False

from rdflib import ConjunctiveGraph, Graph  # noqa: E402
from rdflib.compare import graph_diff, isomorphic, to_isomorphic  # noqa: E402
from rdflib.term import BNode, URIRef  # noqa: E402

SAMPLE = 8
DEFAULT = ""


def load(doc):
    """Parses a document; rdflib puts its default-graph triples into a graph named after the source."""
    graph = ConjunctiveGraph()
    if "url" in doc:
        context = graph.parse(location=doc["url"], format=doc["format"])  # rdflib's own HTTP and Accept
    else:
        context = graph.parse(source=doc["path"], format=doc["format"], publicID=doc.get("publicID"))
    graph.source_graph_id = context.identifier
    return graph


def merged(conjunctive):
    out = Graph()
    for triple in conjunctive.triples((None, None, None)):
        out.add(triple)
    return out


def named_graphs(conjunctive):
    default_ids = {conjunctive.default_context.identifier, getattr(conjunctive, "source_graph_id", None)}
    out = {}
    for context in conjunctive.contexts():
        if len(context) == 0:
            continue
        name = DEFAULT if context.identifier in default_ids else str(context.identifier)
        graph = out.setdefault(name, Graph())
        for triple in context.triples((None, None, None)):
            graph.add(triple)
    return out


def has_bnodes(graph):
    return any(isinstance(term, BNode) for triple in graph for term in triple)


def line(triple):
    return " ".join(term.n3() for term in triple)


def diff(document, reference):
    """(missing, extra) as sorted N-Triples lines; canonical blank-node labels when needed."""
    if has_bnodes(document) or has_bnodes(reference):
        _, in_doc, in_ref = graph_diff(to_isomorphic(document), to_isomorphic(reference))
        return sorted(line(t) for t in in_ref), sorted(line(t) for t in in_doc)
    doc_set, ref_set = set(document), set(reference)
    return sorted(line(t) for t in ref_set - doc_set), sorted(line(t) for t in doc_set - ref_set)


def result(check, ok, missing, extra):
    return dict(check, ok=ok, missing=missing[:SAMPLE], extra=extra[:SAMPLE],
                missingCount=len(missing), extraCount=len(extra))


def same_graph(document, reference):
    """Isomorphism; for ground graphs (no blank nodes) that is set equality, much faster."""
    if has_bnodes(document) or has_bnodes(reference):
        return isomorphic(document, reference)
    return set(document) == set(reference)


def run_check(check, parsed, views):
    document, reference = parsed.get(check["document"]), parsed.get(check["against"])
    if document is None or reference is None:
        return dict(check, ok=False, error="a document did not parse", missing=[], extra=[],
                    missingCount=0, extraCount=0)
    mode = check["mode"]
    if mode == "quads":
        doc_graphs, ref_graphs = views(check["document"], "quads"), views(check["against"], "quads")
        missing, extra, ok = [], [], True
        for name in sorted(set(doc_graphs) | set(ref_graphs)):
            doc_graph, ref_graph = doc_graphs.get(name, Graph()), ref_graphs.get(name, Graph())
            if same_graph(doc_graph, ref_graph):
                continue
            ok = False
            m, e = diff(doc_graph, ref_graph)
            label = "<" + name + ">" if name else "(default graph)"
            missing += [t + " " + label for t in m]
            extra += [t + " " + label for t in e]
        return result(check, ok, missing, extra)
    doc_graph, ref_graph = views(check["document"], "triples"), views(check["against"], "triples")
    if mode == "triples":
        if same_graph(doc_graph, ref_graph):
            return result(check, True, [], [])
        missing, extra = diff(doc_graph, ref_graph)
        return result(check, False, missing, extra)
    if mode == "subset":
        if has_bnodes(doc_graph):
            return dict(check, ok=False, error="subset needs ground graphs", missing=[], extra=[],
                        missingCount=0, extraCount=0)
        extra = sorted(line(t) for t in set(doc_graph) - set(ref_graph))
        return result(check, not extra, [], extra)
    if mode == "subjects":
        wanted = {URIRef(s) for s in check["subjects"]}
        expected = {t for t in ref_graph if t[0] in wanted}
        missing = sorted(line(t) for t in expected - set(doc_graph))
        return result(dict(check, expected=len(expected)), bool(expected) and not missing, missing, [])
    raise ValueError("unknown mode " + mode)


def main():
    request = json.load(sys.stdin)
    parsed, documents, cache = {}, {}, {}

    def views(key, kind):
        """The merged graph ("triples") or the graphs by name ("quads") of a document, computed once."""
        if (key, kind) not in cache:
            cache[(key, kind)] = merged(parsed[key]) if kind == "triples" else named_graphs(parsed[key])
        return cache[(key, kind)]

    for key, doc in request["documents"].items():
        try:
            parsed[key] = load(doc)
            documents[key] = {"triples": len(views(key, "triples")), "graphs": sorted(views(key, "quads"))}
        except Exception as error:  # a parse error is a finding: report it, keep going
            documents[key] = {"error": type(error).__name__ + ": " + str(error)[:2000]}
    checks = [run_check(check, parsed, views) for check in request.get("checks", [])]
    json.dump({"documents": documents, "checks": checks}, sys.stdout)


if __name__ == "__main__":
    main()
