package io.tradepilot.security.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradepilot.security.CurrentUser;
import io.tradepilot.security.Roles.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lets an API client check its token: who it acts as, with which role. */
@RestController
@Tag(name = "Account")
class WhoAmIController {

    record Me(String username, Role role) {
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "The user the API token acts for, and their current role")
    Me me() {
        return new Me(CurrentUser.username(), CurrentUser.role().orElse(null));
    }
}
