package io.agentry.website;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Locale;

/** One HTTP response, with as much of its body as was read. */
record Response(URI uri, int status, HttpHeaders headers, Body body) {

    boolean successful() {
        return status >= 200 && status < 300;
    }

    /** The media type of the Content-Type header, lower case, without parameters; null when absent. */
    String mediaType() {
        return mediaType(headers);
    }

    static String mediaType(HttpHeaders headers) {
        return headers.firstValue("Content-Type")
                .map(value -> {
                    int semicolon = value.indexOf(';');
                    return (semicolon < 0 ? value : value.substring(0, semicolon))
                            .strip()
                            .toLowerCase(Locale.ROOT);
                })
                .filter(type -> !type.isEmpty())
                .orElse(null);
    }
}
