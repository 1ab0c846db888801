package io.agentry.website;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules of one robots.txt that apply to one product token, as RFC 9309 reads them: the groups
 * naming the token (case-insensitive; several are merged) or else the {@code *} groups; within
 * them the longest matching Allow or Disallow pattern decides, Allow winning a tie; {@code *}
 * matches any characters and a final {@code $} anchors the end. No matching rule allows.
 */
final class RobotsRules {
    static final RobotsRules ALLOW_ALL = new RobotsRules(List.of(), null);

    private final List<Rule> rules;
    private final String deniedEverything;

    private record Rule(boolean allow, String text, Pattern pattern, int length) {}

    private RobotsRules(List<Rule> rules, String deniedEverything) {
        this.rules = rules;
        this.deniedEverything = deniedEverything;
    }

    /** Every path denied, for the reason given (a robots.txt that answered with a server error). */
    static RobotsRules denyAll(String reason) {
        return new RobotsRules(List.of(), reason);
    }

    static RobotsRules parse(String text, String productToken) {
        String token = productToken.toLowerCase(Locale.ROOT);
        List<Rule> ours = new ArrayList<>();
        List<Rule> anyone = new ArrayList<>();
        List<String> agents = new ArrayList<>();
        boolean inAgentLines = false;
        boolean ourGroupExists = false;
        for (String raw : text.split("\r\n|\r|\n")) {
            int hash = raw.indexOf('#');
            String line = (hash < 0 ? raw : raw.substring(0, hash)).strip();
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (key.equals("user-agent")) {
                if (!inAgentLines) {
                    agents.clear();
                }
                agents.add(agentToken(value));
                ourGroupExists |= agentToken(value).equals(token);
                inAgentLines = true;
            } else if (key.equals("allow") || key.equals("disallow")) {
                inAgentLines = false;
                if (value.isEmpty()) {
                    continue;
                }
                Rule rule = rule(key.equals("allow"), value);
                if (agents.contains(token)) {
                    ours.add(rule);
                }
                if (agents.contains("*")) {
                    anyone.add(rule);
                }
            }
        }
        return new RobotsRules(List.copyOf(ourGroupExists ? ours : anyone), null);
    }

    /** Why the URL may not be fetched, quoting the rule; {@code null} when it may. */
    String denial(URI uri) {
        if (deniedEverything != null) {
            return deniedEverything;
        }
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        Rule best = null;
        for (Rule rule : rules) {
            if (rule.pattern().matcher(path).lookingAt()
                    && (best == null
                            || rule.length() > best.length()
                            || (rule.length() == best.length() && rule.allow()))) {
                best = rule;
            }
        }
        return best == null || best.allow() ? null : "robots.txt says \"" + best.text() + "\" for " + path;
    }

    /** {@code Agentry/1.0} and {@code agentry} both name the product token {@code agentry}. */
    private static String agentToken(String value) {
        int end = 0;
        while (end < value.length() && value.charAt(end) != '/' && !Character.isWhitespace(value.charAt(end))) {
            end++;
        }
        return value.substring(0, end).toLowerCase(Locale.ROOT);
    }

    private static Rule rule(boolean allow, String value) {
        String encoded = encodeNonAscii(value);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '*') {
                regex.append(".*");
            } else if (c == '$' && i == encoded.length() - 1) {
                regex.append("$");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new Rule(
                allow, (allow ? "Allow: " : "Disallow: ") + value, Pattern.compile(regex.toString()), encoded.length());
    }

    /** Paths are compared percent-encoded, as they are sent; a pattern may be written in UTF-8. */
    private static String encodeNonAscii(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            if (b >= 0x21 && b < 0x7f) {
                out.append((char) b);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
