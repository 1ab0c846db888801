package io.agentry.company;

/** How far an import has got: rows read, and bytes read of all its files' bytes. */
public record ImportProgress(long rowsRead, long bytesRead, long bytesTotal) {}
