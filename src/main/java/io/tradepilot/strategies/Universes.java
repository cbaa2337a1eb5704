package io.tradepilot.strategies;

import java.util.List;

/**
 * Named universes (a name, an exchange and an ordered symbol list), stored in PostgreSQL. A strategy configuration
 * version can name one ({@code universe: NAME} in place of {@code symbols}); its symbols are resolved when the
 * version is applied and that list is stored with the application, so what runs (now and at every later start) does
 * not change when the universe is edited later: applying the version again takes the new list. A backtest can run
 * on one; the run stores the symbols it resolved to.
 *
 * <p>Roles, enforced here: every role reads; operators and admins create, edit and delete. Every change needs a
 * reason and is audited ({@code UNIVERSE_SAVE}, {@code UNIVERSE_DELETE} on {@code universe:<name>}) before it is made;
 * refusals are audited FAILED and role denials DENIED. Refusals are {@link ConfigRefusal}s: 422 {@code
 * INVALID_UNIVERSE} (with {@code field} and one problem per bad item, e.g. {@code symbols[3]: duplicate symbol 'TCS'}),
 * {@code REASON_REQUIRED}, {@code INVALID_TEXT}; 404 {@code NOT_FOUND}; 409 {@code ALREADY_EXISTS}, {@code
 * CONCURRENT_CHANGE}, {@code UNIVERSE_IN_USE}; 503 {@code AUDIT_UNAVAILABLE}.
 */
public interface Universes {

    /** The most symbols a universe holds. */
    int MAX_SYMBOLS = 500;

    /** Every universe, by name. */
    List<Universe> universes();

    /** One universe; refuses an unknown name (404 NOT_FOUND). */
    Universe universe(String name);

    /**
     * Stores a new universe. Refuses a name that is not 1-64 letters, digits, spaces, {@code _ . & -} (starting and
     * ending with a letter or digit), an exchange other than NSE or NYSE, no symbols or more than {@link
     * #MAX_SYMBOLS}, and any symbol that is blank, duplicated, holds a control character or is not of the exchange's
     * symbol form (1-40 of {@code A-Z 0-9 . _ & -}, starting with a letter or digit); 409 for an existing name.
     */
    Universe create(String name, String exchange, List<String> symbols, String reason);

    /**
     * Replaces the exchange and symbols of {@code name} (a new version), checked as {@link #create}; refuses 409
     * CONCURRENT_CHANGE when {@code expectedVersion} (null: not checked) is not the stored version.
     */
    Universe update(String name, String exchange, List<String> symbols, Integer expectedVersion, String reason);

    /**
     * Deletes {@code name}; refuses 409 UNIVERSE_IN_USE while the latest stored version of a strategy names it
     * (versions applied before keep the symbols stored with their application).
     */
    void delete(String name, String reason);
}
