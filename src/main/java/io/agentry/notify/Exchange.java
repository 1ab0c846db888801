package io.agentry.notify;

import java.time.Instant;

/**
 * One POST of a delivery and what came of it.
 *
 * @param at when it was sent
 * @param httpStatus the answer's status; null when none came
 * @param error why no answer came; null when one did
 */
record Exchange(Instant at, int durationMs, Integer httpStatus, String error) {

    /** A 2xx answer: the receiver has the event. Anything else is a failed attempt (redirects are not followed). */
    boolean delivered() {
        return httpStatus != null && httpStatus >= 200 && httpStatus < 300;
    }

    /**
     * What the task's error says. Not the URL: some URLs carry a token, and task errors are read
     * by every key of the org, while webhooks are its admins' alone.
     */
    String describe() {
        return httpStatus != null ? "the endpoint answered HTTP " + httpStatus : error;
    }
}
