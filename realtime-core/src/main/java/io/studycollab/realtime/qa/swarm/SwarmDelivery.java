package io.studycollab.realtime.qa.swarm;

/**
 * How the swarm's cursor moves reached the others in their groups, and whether the swarm itself
 * kept up, so that what the server could not keep up with is told apart from what we could not.
 *
 * @param cursorsSent     cursor updates the users sent
 * @param expected        deliveries if every other member of the sender's group got each one
 * @param delivered       {@code user:cursor:updated} matched to a send (and timed)
 * @param unmatched       cursor receipts matched to no recent send (very late, or a foreign sender)
 * @param p50Ms           delivery latency, send to receipt in this JVM, 1 ms resolution (-1 before any)
 * @param sendLagP99Ms  p99 of the time from a user's move to its emit on socket.io's event thread (the swarm's share)
 * @param hubDropped      records our own event hub dropped because its thread fell behind (client side)
 * @param lateTicks       pacer ticks that ran more than a period late (client side: the swarm's timer lagged)
 * @param maxTickLateMs   the latest a tick ran
 */
public record SwarmDelivery(
        long cursorsSent,
        long expected,
        long delivered,
        long unmatched,
        double p50Ms,
        double p95Ms,
        double p99Ms,
        double maxMs,
        double sendLagP99Ms,
        long hubDropped,
        long lateTicks,
        double maxTickLateMs) {

    /** Delivered over expected, 1 when nothing was expected. */
    public double ratio() {
        return expected == 0 ? 1 : Math.min(1, (double) delivered / expected);
    }
}
