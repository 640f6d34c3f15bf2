package de.kielregion.kooperation.webhooks.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Tells the dispatcher that deliveries may be due now (new events, a resume, a replay, an answer
 * that unblocks an aggregate's next event), so it need not wait for its next look.
 */
@ApplicationScoped
public class Wakeup {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition due = lock.newCondition();
    private boolean signalled;

    public void signal() {
        lock.lock();
        try {
            signalled = true;
            due.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until signalled or {@code millis} passed; returns whether it was signalled. */
    public boolean await(long millis) throws InterruptedException {
        lock.lock();
        try {
            long nanos = TimeUnit.MILLISECONDS.toNanos(millis);
            while (!signalled && nanos > 0) {
                nanos = due.awaitNanos(nanos);
            }
            boolean was = signalled;
            signalled = false;
            return was;
        } finally {
            lock.unlock();
        }
    }
}
