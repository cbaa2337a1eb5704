package io.tradepilot.security.internal;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface LoginClientRepository extends JpaRepository<LoginClient, Long> {

    Optional<LoginClient> findByUsernameAndClientAddress(String username, String clientAddress);

    /** Lifts every address's lock on the account (an admin's password reset, enabling the account). */
    @Modifying
    @Query("update LoginClient c set c.failures = 0, c.lockedUntil = null where c.username = :username")
    int liftLocks(String username);

    /**
     * Forgets the account's addresses that hold nothing worth keeping: no lock in force, no failure since
     * {@code failuresBefore} and no sign-in since {@code successesBefore}.
     */
    @Modifying
    @Query("delete from LoginClient c where c.username = :username"
            + " and (c.lockedUntil is null or c.lockedUntil < :now)"
            + " and (c.lastFailureAt is null or c.lastFailureAt < :failuresBefore)"
            + " and (c.lastSuccessAt is null or c.lastSuccessAt < :successesBefore)")
    int forgetStale(String username, Instant now, Instant failuresBefore, Instant successesBefore);
}
