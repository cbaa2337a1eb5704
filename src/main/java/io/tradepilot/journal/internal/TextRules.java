package io.tradepilot.journal.internal;

import io.tradepilot.journal.JournalAnnotations;
import io.tradepilot.journal.JournalRefusal;
import io.tradepilot.security.PlainText;

import java.util.List;
import java.util.TreeSet;

/**
 * Plain-text checks for tags and notes: not empty where required, within the length limit, no control
 * characters ({@link PlainText}: a note may hold line breaks and tabs). Refusals are 422 {@link JournalRefusal}s naming the field.
 */
final class TextRules {

    private TextRules() {
    }

    /** The tags stripped, de-duplicated and sorted. */
    static List<String> tags(List<String> tags) {
        if (tags == null) throw JournalRefusal.badText("tags", "tags are required (an empty list removes them all)");
        TreeSet<String> clean = new TreeSet<>();
        for (String tag : tags) {
            if (tag == null || tag.isBlank()) throw JournalRefusal.badText("tags", "a tag must not be empty");
            String t = tag.strip();
            if (t.length() > JournalAnnotations.MAX_TAG) {
                throw JournalRefusal.badText("tags", "a tag has at most " + JournalAnnotations.MAX_TAG + " characters");
            }
            PlainText.singleLineProblem(t).ifPresent(problem -> { throw JournalRefusal.badText("tags", "a tag " + problem); });
            clean.add(t);
        }
        if (clean.size() > JournalAnnotations.MAX_TAGS) {
            throw JournalRefusal.badText("tags", "a trade has at most " + JournalAnnotations.MAX_TAGS + " tags");
        }
        return List.copyOf(clean);
    }

    /** The note with trailing blanks stripped; null for a blank note (deletes it). */
    static String note(String note) {
        if (note == null || note.isBlank()) return null;
        String n = note.stripTrailing();
        if (n.length() > JournalAnnotations.MAX_NOTE) {
            throw JournalRefusal.badText("note", "a note has at most " + JournalAnnotations.MAX_NOTE + " characters");
        }
        PlainText.multiLineProblem(n).ifPresent(problem -> { throw JournalRefusal.badText("note", "a note " + problem); });
        return n;
    }

}
