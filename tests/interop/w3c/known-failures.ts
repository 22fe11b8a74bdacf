// **known-failures** lists the W3C SPARQL 1.1 tests our endpoint is known to fail, each with its
// reason (all are deviations of the Oxigraph engine, checked against Oxigraph directly, not of our
// router or result writers), and the pass counts measured per category (the regression gate).

/** Reason for failures that vanish when numeric literals compare by value (the test asserts that). */
export const NUMERIC_FORMS =
  'Oxigraph keeps typed literals by value and writes numbers in its own form: data "1.0"^^xsd:decimal comes back as "1", a computed xsd:double 3.21E4 as "32100"; the suite expects the lexical forms of the data and XSD canonical forms for computed values (the results are equal by value: checked)';
const STORED_BY_VALUE =
  'Oxigraph stores typed literals by value, so data lexical forms are not kept ("0"^^xsd:boolean comes back as "false", "1.0"^^xsd:decimal as "1", "1.0e6"^^xsd:double as "1000000"); test only Proposed';
const NOT_APPROVED = 'test not approved by the Working Group (added later to the suite)';

/** `category/test id` → why it fails. A test failing that is not listed here fails the gate. */
export const KNOWN_FAILURES: Readonly<Record<string, string>> = {
  'aggregates/agg-groupconcat-04': `Oxigraph's GROUP_CONCAT keeps the common language tag of its inputs ("1 2"@en), the test expects a simple literal; ${NOT_APPROVED}`,
  'aggregates/agg-groupconcat-06': `Oxigraph's GROUP_CONCAT keeps the common language tag of its inputs ("1"@en), the test expects a simple literal; ${NOT_APPROVED}`,
  'aggregates/agg-sum-02': NUMERIC_FORMS,
  'aggregates/agg-avg-02': NUMERIC_FORMS,
  'aggregates/agg-min-01': NUMERIC_FORMS,
  'aggregates/agg-min-02': NUMERIC_FORMS,
  'aggregates/agg-max-01': NUMERIC_FORMS,
  'aggregates/agg-max-02': NUMERIC_FORMS,
  'aggregates/agg-err-02': NUMERIC_FORMS,
  'aggregates/agg-max-distinct': NUMERIC_FORMS,
  'aggregates/agg-min-distinct': NUMERIC_FORMS,
  'aggregates/agg-empty-group-count-graph': `Oxigraph drops the GRAPH ?g binding around a subquery with COUNT and no GROUP BY, and gives one row instead of one per named graph; ${NOT_APPROVED}`,
  'bindings/graph': `for the VALUES row that leaves ?g UNDEF inside GRAPH ?g (the graph name's variable), Oxigraph returns one row with ?g unbound instead of one row per named graph; ${NOT_APPROVED}`,
  'cast/cast-bool': STORED_BY_VALUE,
  'cast/cast-int': STORED_BY_VALUE,
  'cast/cast-float': STORED_BY_VALUE,
  'cast/cast-double': STORED_BY_VALUE,
  'cast/cast-decimal': STORED_BY_VALUE,
  'cast/cast-string': STORED_BY_VALUE,
  'csv-tsv-res/csv03': 'Oxigraph stores "1.0E6"^^xsd:double by value and writes it as 1000000, so the CSV cell differs from the data\'s lexical form',
  'csv-tsv-res/tsv03':
    'Oxigraph stores typed literals by value: "-3"^^xsd:negativeInteger comes back as xsd:integer and "1.0e6"^^xsd:double as 1000000',
  'functions/bnode01':
    'Oxigraph\'s BNODE(str) returns the same blank node for the same string in every solution; SPARQL 1.1 requires a fresh one per solution',
  'functions/coalesce01': NUMERIC_FORMS,
  'functions/plus-1-corrected': NUMERIC_FORMS,
  'functions/plus-2-corrected': NUMERIC_FORMS,
  'negation/graph-minus': `Oxigraph treats the outer GRAPH variable as shared when checking that the two sides of MINUS are disjoint, so MINUS removes the row; ${NOT_APPROVED}`,
  'property-path/zero_or_more_set_start': `Oxigraph gives no zero-length match for ?s :p* <const> when the constant is not in the data; ${NOT_APPROVED}`,
  'property-path/zero_or_more_set_end': `Oxigraph gives no zero-length match for <const> :p* ?o when the constant is not in the data; ${NOT_APPROVED}`,
  'property-path/zero_or_one_set_start': `Oxigraph gives no zero-length match for ?s :p? <const> when the constant is not in the data; ${NOT_APPROVED}`,
  'property-path/zero_or_one_set_end': `Oxigraph gives no zero-length match for <const> :p? ?o when the constant is not in the data; ${NOT_APPROVED}`,
  'syntax-query/test_4':
    'Oxigraph parses a call to an unknown extension function but refuses to evaluate it (the endpoint answers 400); SPARQL 1.1 treats it as an expression error per solution',
};

/**
 * Passes measured per category on this suite (a regression gate: a run must pass at least as many).
 * Categories skipped as a whole are absent.
 */
export const MIN_PASSED: Readonly<Record<string, number>> = {
  aggregates: 35,
  bind: 10,
  bindings: 10,
  cast: 0,
  construct: 7,
  'csv-tsv-res': 4,
  exists: 6,
  functions: 71,
  grouping: 6,
  'json-res': 4,
  negation: 11,
  'project-expression': 7,
  'property-path': 29,
  subquery: 14,
  'syntax-query': 93,
  'syntax-fed': 2,
};
