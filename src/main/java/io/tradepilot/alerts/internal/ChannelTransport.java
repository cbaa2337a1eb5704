package io.tradepilot.alerts.internal;

import io.tradepilot.alerts.ChannelKind;

/** Sends alerts over one kind of channel. Implementations never log or report the channel's secret. */
interface ChannelTransport {

    ChannelKind kind();

    /**
     * Sends {@code alert} to {@code channel} and returns when the channel has taken it.
     *
     * @throws DeliveryFailure when it has not (or it cannot be known that it has)
     */
    void send(ChannelConfig channel, OutgoingAlert alert) throws DeliveryFailure;
}
