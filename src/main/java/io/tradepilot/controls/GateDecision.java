package io.tradepilot.controls;

import java.util.List;

/** The answer to "may this order go out now": allowed, blocked with reasons, or unknown (and so blocked). */
public sealed interface GateDecision {

    /** Whether the order may go out. */
    boolean allowed();

    /** Why not, in words; empty when allowed. */
    String explanation();

    record Allowed() implements GateDecision {
        public boolean allowed() {
            return true;
        }

        public String explanation() {
            return "";
        }
    }

    /** Blocked by one or more controls, each with a sentence naming who engaged it and why. */
    record Blocked(List<BlockReason> reasons) implements GateDecision {
        public Blocked {
            reasons = List.copyOf(reasons);
        }

        public boolean allowed() {
            return false;
        }

        public String explanation() {
            return String.join(" ", reasons.stream().map(BlockReason::message).toList());
        }
    }

    /** The control state could not be read: blocked, because trading fails closed. */
    record UnknownBlocked(String cause) implements GateDecision {
        public boolean allowed() {
            return false;
        }

        public String explanation() {
            return "Control state unknown (" + cause + "): new orders are blocked.";
        }
    }

    /** One control that blocks, and a sentence for people. */
    record BlockReason(Control control, String message) {
    }
}
