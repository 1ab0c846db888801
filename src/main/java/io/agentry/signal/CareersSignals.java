package io.agentry.signal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.support.Json;
import io.agentry.website.WebsiteAnalysis;
import java.time.Instant;
import java.util.Optional;

/**
 * A {@code job_posting} signal when a company's careers page lists open jobs: the more jobs, the
 * surer it is that the company is growing (1 or 2 jobs: 70, 3 to 9: 80, 10 or more: 90). A careers
 * page whose jobs could not be counted gives nothing: an unknown count is not a guess. The source
 * reference is the careers page with the count ({@code https://acme.example/careers#jobs=7}):
 * the same listing found again is the same signal, and a page that now lists a different number
 * of jobs is news.
 */
public final class CareersSignals {
    private CareersSignals() {}

    public static Optional<DetectedSignal> detect(MonitoredCompany company, WebsiteAnalysis analysis, Instant now) {
        if (!analysis.analyzed() || analysis.careersUrl() == null) {
            return Optional.empty();
        }
        return of(company.id(), analysis.careersUrl(), analysis.jobCount(), "website", now);
    }

    /**
     * The signal of a careers page and its job count, whoever counted them.
     *
     * @param jobCount null when unknown: no signal
     * @param source what counted the jobs, kept in the signal's data
     * @param observedAt when the page was read; the signal expires a job posting's validity later
     */
    public static Optional<DetectedSignal> of(
            long companyId, String careersUrl, Integer jobCount, String source, Instant observedAt) {
        if (careersUrl == null || careersUrl.isBlank() || jobCount == null || jobCount < 1) {
            return Optional.empty();
        }
        ObjectNode data = Json.object();
        data.put("source", source);
        data.put("careers_url", careersUrl);
        data.put("job_count", jobCount);
        return Optional.of(DetectedSignal.of(
                companyId,
                SignalType.JOB_POSTING,
                confidence(jobCount),
                data,
                careersUrl + "#jobs=" + jobCount,
                observedAt));
    }

    static int confidence(int jobCount) {
        if (jobCount >= 10) {
            return 90;
        }
        return jobCount >= 3 ? 80 : 70;
    }
}
