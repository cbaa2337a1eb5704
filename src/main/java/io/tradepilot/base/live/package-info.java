/**
 * Live updates for views: {@link io.tradepilot.base.live.LiveFeed} builds one frame on one server-side
 * ticker and pushes it (Vaadin server push) to the attached views that subscribed, only when it changed.
 */
@org.springframework.modulith.NamedInterface("live")
package io.tradepilot.base.live;
