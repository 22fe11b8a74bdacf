"""pyld_to_rdf: expands JSON-LD documents with python3-pyld and turns them into RDF (toRDF).

Reads a JSON request on stdin:
  {"contexts": {"<context URL>": "<local file>"},
   "pages": {"<page URL>": "<local HTML file>"},
   "reference": "<N-Quads dump>",
   "documents": [{"name": "...", "path": "...", "contextUrl": "<URL>" (optional: replaces the
                  inline @context by this URL, loaded by the local loader), "mode": "quads|framed"}
                 or {"name": "...", "url": "<page URL>", "mode": "page", "subject": "<IRI>"}]}
and prints JSON {"<name>": {"expandedNodes", "quads", "expected", "missing", "extra", ...}}; for
framed documents also "partNotInTree" and "partNotInTreeSubjects": the part's triples the tree
does not reach, and their subjects.

Contexts and pages are loaded only from the local files given (no network); a page is HTML, from
which pyld extracts the <script type="application/ld+json"> elements. Mode "page": the triples must
all be in the dump, and include every dump triple about "subject" that is not evidence (an
oa:Annotation's, which pages leave to the linked formats). Mode "quads": pyld's dataset
must equal the dump, graph names included. Mode "framed": the triples must equal, for every
telegram in the dump, its part (its own graph plus the descriptions, from other graphs, of what
that graph refers to) as far as it is reachable from the telegram, the tree's root.
Quads are compared as pyld's own N-Quads lines (the dump is read by pyld's N-Quads parser).
"""

import json
import sys

from pyld import jsonld
from pyld.jsonld import JsonLdError, JsonLdProcessor

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
CG_TELEGRAM = "https://w3id.org/cablegraph/ontology#Telegram"
SAMPLE = 8


def local_loader(contexts, pages):
    def load(url, options=None):
        if url in pages:
            with open(pages[url], encoding="utf-8") as handle:
                return {"contentType": "text/html", "contextUrl": None, "documentUrl": url,
                        "document": handle.read()}
        if url not in contexts:
            raise JsonLdError("refusing to fetch " + url + " (not a local document)",
                              "jsonld.LoadDocumentError", code="loading document failed")
        with open(contexts[url], encoding="utf-8") as handle:
            document = json.load(handle)
        return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
                "document": document}
    return load


OA_HAS_BODY = "http://www.w3.org/ns/oa#hasBody"


def page_expectation(reference, subject):
    """Every triple of the dump about `subject`, unless it is an annotation's (evidence)."""
    annotations = {t["subject"]["value"] for triples in reference.values() for t in triples
                   if t["predicate"]["value"] == OA_HAS_BODY}
    return {JsonLdProcessor.to_nquad(t, None) for triples in reference.values() for t in triples
            if t["subject"]["value"] == subject and subject not in annotations}


def quad_lines(dataset, with_graph=True):
    lines = set()
    for graph_name, triples in dataset.items():
        name = None if graph_name == "@default" or not with_graph else graph_name
        for triple in triples:
            lines.add(JsonLdProcessor.to_nquad(triple, name))
    return lines


def term_key(term):
    return term["type"] + " " + term["value"]


def framed_expectation(reference):
    """Triples of each telegram's part reachable from the telegram; and the part's other triples."""
    graph_of = {}
    for graph_name, triples in reference.items():
        for t in triples:
            if t["predicate"]["value"] == RDF_TYPE and t["object"]["value"] == CG_TELEGRAM:
                graph_of.setdefault(t["subject"]["value"], graph_name)
    telegram_graphs = set(graph_of.values())
    descriptions = {}
    for graph_name, triples in reference.items():
        if graph_name in telegram_graphs:
            continue
        for t in triples:
            descriptions.setdefault(term_key(t["subject"]), []).append(t)
    expected, unreachable = set(), set()
    for iri, graph_name in graph_of.items():
        own = reference[graph_name]
        part = list(own)
        for t in own:
            part += descriptions.get(term_key(t["object"]), [])
        by_subject = {}
        for t in part:
            by_subject.setdefault(term_key(t["subject"]), []).append(t)
        seen, queue = set(), ["IRI " + iri]
        while queue:
            key = queue.pop()
            if key in seen:
                continue
            seen.add(key)
            for t in by_subject.get(key, []):
                expected.add(JsonLdProcessor.to_nquad(t, None))
                if t["object"]["type"] != "literal":
                    queue.append(term_key(t["object"]))
        for t in part:
            line = JsonLdProcessor.to_nquad(t, None)
            if line not in expected:
                unreachable.add(line)
    return expected, unreachable


def main():
    request = json.load(sys.stdin)
    loader = local_loader(request["contexts"], request.get("pages", {}))
    options = {"documentLoader": loader}
    with open(request["reference"], encoding="utf-8") as handle:
        reference = JsonLdProcessor.parse_nquads(handle.read())
    out = {}
    for doc in request["documents"]:
        try:
            if doc["mode"] == "page":
                expanded = jsonld.expand(doc["url"], dict(options))  # pyld loads and reads the HTML
                got = quad_lines(jsonld.to_rdf(expanded, dict(options)), with_graph=False)
                wanted = page_expectation(reference, doc["subject"])
                dump = quad_lines(reference, with_graph=False)
                out[doc["name"]] = {"expandedNodes": len(expanded), "quads": len(got), "expected": len(wanted),
                                    "missing": sorted(wanted - got)[:SAMPLE], "missingCount": len(wanted - got),
                                    "extra": sorted(got - dump)[:SAMPLE], "extraCount": len(got - dump)}
                continue
            with open(doc["path"], encoding="utf-8") as handle:
                data = json.load(handle)
            if doc.get("contextUrl"):
                data["@context"] = doc["contextUrl"]
            expanded = jsonld.expand(data, dict(options))
            dataset = jsonld.to_rdf(expanded, dict(options))
            if doc["mode"] == "quads":
                got, expected, info = quad_lines(dataset), quad_lines(reference), {}
            else:
                got = quad_lines(dataset, with_graph=False)
                expected, unreachable = framed_expectation(reference)
                subjects = {line.split(" ", 1)[0].strip("<>") for line in unreachable}
                info = {"partNotInTree": len(unreachable),
                        "partNotInTreeSubjects": sorted(subjects)}
            out[doc["name"]] = dict(info, expandedNodes=len(expanded), quads=len(got),
                                    expected=len(expected),
                                    missing=sorted(expected - got)[:SAMPLE],
                                    extra=sorted(got - expected)[:SAMPLE],
                                    missingCount=len(expected - got), extraCount=len(got - expected))
        except Exception as error:
            out[doc["name"]] = {"error": type(error).__name__ + ": " + str(error)[:2000]}
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
