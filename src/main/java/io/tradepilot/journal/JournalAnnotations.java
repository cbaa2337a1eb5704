package io.tradepilot.journal;

import java.util.List;

/**
 * Tags and notes on trades: operators and admins only, every attempt audited (applied, refused or denied).
 * Text is plain: a tag is 1..{@value #MAX_TAG} characters, a note at most {@value #MAX_NOTE} characters of
 * Markdown; neither may hold control characters (a note may hold line breaks and tabs).
 */
public interface JournalAnnotations {

    int MAX_TAG = 40;
    int MAX_TAGS = 20;
    int MAX_NOTE = 10_000;

    /** Tags offered to every user before they are used. */
    List<String> SUGGESTED_TAGS = List.of("3WI success", "false breakout", "stopped out", "followed plan",
            "broke rules", "early exit", "late entry");

    /**
     * Replaces the tags of trade {@code tradeId} (duplicates collapse, surrounding blanks are stripped).
     *
     * @return the tags now stored, sorted
     * @throws JournalRefusal 404 for an unknown trade, 422 for invalid tags
     * @throws org.springframework.security.authorization.AuthorizationDeniedException for a viewer
     */
    List<String> setTags(long tradeId, List<String> tags);

    /**
     * Sets the note of trade {@code tradeId}; a blank note deletes it.
     *
     * @throws JournalRefusal 404 for an unknown trade, 422 for an invalid note
     * @throws org.springframework.security.authorization.AuthorizationDeniedException for a viewer
     */
    void setNote(long tradeId, String markdown);
}
