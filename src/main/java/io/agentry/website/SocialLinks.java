package io.agentry.website;

/**
 * The company's own profiles linked from its home page, each the first link of its kind in page
 * order, normalised to one absolute form; {@code null} where there is none. Share buttons, intent
 * links, posts and videos are not profiles and are skipped.
 *
 * @param linkedIn {@code https://www.linkedin.com/company/<slug>} (company pages only, not people)
 * @param twitter an X (formerly Twitter) profile: {@code https://x.com/<handle>}
 * @param facebook {@code https://www.facebook.com/<page>}
 * @param instagram {@code https://www.instagram.com/<handle>}
 * @param youtube {@code https://www.youtube.com/@<handle>}, {@code /channel/<id>}, {@code
 *     /c/<name>} or {@code /user/<name>}
 * @param github {@code https://github.com/<organisation>}
 */
public record SocialLinks(
        String linkedIn, String twitter, String facebook, String instagram, String youtube, String github) {

    private static final SocialLinks NONE = new SocialLinks(null, null, null, null, null, null);

    public static SocialLinks none() {
        return NONE;
    }

    public boolean isEmpty() {
        return equals(NONE);
    }
}
