package io.tradepilot.security.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

    @Query("select t from ApiToken t join fetch t.owner where t.tokenHash = :tokenHash")
    Optional<ApiToken> findByHashWithOwner(String tokenHash);

    @Query("select t from ApiToken t where t.owner.username = :username order by t.createdAt desc, t.id desc")
    List<ApiToken> findByOwner(String username);

    @Query("select t from ApiToken t join fetch t.owner where t.id = :id")
    Optional<ApiToken> findByIdWithOwner(long id);
}
