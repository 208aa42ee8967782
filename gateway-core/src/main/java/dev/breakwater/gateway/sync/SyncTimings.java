package dev.breakwater.gateway.sync;

import java.time.Duration;

/**
 * @param syncInterval      between plain polls, and a sixth of the longest back-off
 * @param longPollWait      how long the management plane may hold a poll; zero for plain polling
 * @param heartbeatInterval between heartbeats
 */
public record SyncTimings(Duration syncInterval, Duration longPollWait, Duration heartbeatInterval) {
}
