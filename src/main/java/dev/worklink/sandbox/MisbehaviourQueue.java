package dev.worklink.sandbox;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Queued {@link Misbehaviour}s. A request is matched against the first queued one whose path filter it passes: that
 * one lets it through while it still has calls to skip, else plays on it and counts it; spent ones leave the queue.
 */
final class MisbehaviourQueue {

    private static final class Entry {
        final Misbehaviour misbehaviour;
        int skipLeft;
        int countLeft;

        Entry(Misbehaviour m) {
            this.misbehaviour = m;
            this.skipLeft = m.skip();
            this.countLeft = m.count();
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    synchronized void add(Misbehaviour m) {
        entries.add(new Entry(m));
    }

    /** The misbehaviour to play on a request to this path, or null to serve it normally. */
    synchronized Misbehaviour next(String path) {
        for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
            Entry e = it.next();
            String filter = e.misbehaviour.pathContains();
            if (filter != null && !path.contains(filter)) {
                continue;
            }
            if (e.skipLeft > 0) {
                e.skipLeft--;
                return null;
            }
            if (--e.countLeft <= 0) {
                it.remove();
            }
            return e.misbehaviour;
        }
        return null;
    }

    synchronized void clear() {
        entries.clear();
    }
}
