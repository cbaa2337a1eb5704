package io.tradepilot.signals.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradepilot.signals.SignalReceipt;
import io.tradepilot.signals.SignalReceiver;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The webhook: {@code POST /api/v1/signals/{strategyId}} with a TradingView or ChartInk alert body (any content
 * type: TradingView sends text/plain for a message it does not recognise as JSON). No session and no API token:
 * the strategy's secret authenticates (see {@link SignalReceiver}); the security configuration lets this path
 * through unauthenticated. 202 with the order ids when an order was accepted; otherwise a problem
 * (application/problem+json) with a stable {@code code}, and nothing traded.
 */
@RestController
@Tag(name = "Signals", description = "Webhook signals from TradingView and ChartInk")
class SignalWebhookController {

    private final SignalReceiver receiver;

    SignalWebhookController(SignalReceiver receiver) {
        this.receiver = receiver;
    }

    @Operation(summary = "Take a webhook signal for a strategy (authenticated by the strategy's secret)")
    @PostMapping(path = "/api/v1/signals/{strategyId}", consumes = "*/*")
    ResponseEntity<SignalReceipt> receive(@PathVariable String strategyId, @RequestBody(required = false) byte[] body,
                                          @RequestParam(name = "secret", required = false) String secret,
                                          @RequestHeader(name = "X-Signature", required = false) String signature,
                                          HttpServletRequest request) {
        SignalReceipt receipt = receiver.receive(strategyId, body == null ? new byte[0] : body, secret, signature,
                request.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(receipt);
    }
}
