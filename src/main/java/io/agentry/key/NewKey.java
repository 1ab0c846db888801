package io.agentry.key;

/** A key just made: {@code key} is shown to its creator once and never stored. */
public record NewKey(ApiKey apiKey, String key) {}
