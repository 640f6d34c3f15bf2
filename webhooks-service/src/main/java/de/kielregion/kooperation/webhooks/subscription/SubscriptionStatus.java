package de.kielregion.kooperation.webhooks.subscription;

/** Where a subscription stands; only an ACTIVE one is delivered to, the others keep their events. */
public enum SubscriptionStatus {
    /** Events are delivered. */
    ACTIVE,
    /** Its owner paused it: events are kept and delivered after resume. */
    PAUSED,
    /** No attempt succeeded for the give-up time (24 h): its owner was mailed; resume delivers what waits. */
    DISABLED,
    /** The receiver answered 410 Gone; resume delivers what waits. */
    UNSUBSCRIBED
}
