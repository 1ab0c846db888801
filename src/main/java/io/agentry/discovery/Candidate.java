package io.agentry.discovery;

import io.agentry.scoring.CriteriaFit;

/**
 * A company the search found: its score at discovery (5 × its criteria match, 2 places) and why.
 */
record Candidate(long companyId, double score, CriteriaFit fit) {}
