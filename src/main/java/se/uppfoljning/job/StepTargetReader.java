package se.uppfoljning.job;

import org.springframework.aop.scope.ScopedObject;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * A step-scoped reader whose scope proxy is looked through once, when the step opens it: through
 * the proxy every read() looks the bean up in the step's context (7 % of stageRows' samples in a
 * profile at 1,000,000 episodes, one call per row). The target is kept per thread, since the one
 * step bean serves every run in the JVM; a chunk step reads on the thread that opened it.
 */
final class StepTargetReader<T> implements ItemStreamReader<T> {
    private final ItemStreamReader<T> proxy;
    private final ThreadLocal<ItemStreamReader<T>> target = new ThreadLocal<>();

    StepTargetReader(ItemStreamReader<T> proxy) {
        this.proxy = proxy;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open(ExecutionContext context) throws ItemStreamException {
        ItemStreamReader<T> reader = proxy instanceof ScopedObject scoped
                ? (ItemStreamReader<T>) scoped.getTargetObject() : proxy;
        target.set(reader);
        reader.open(context);
    }

    @Override
    public T read() throws Exception {
        return reader().read();
    }

    @Override
    public void update(ExecutionContext context) throws ItemStreamException {
        reader().update(context);
    }

    @Override
    public void close() throws ItemStreamException {
        try {
            reader().close();
        } finally {
            target.remove();
        }
    }

    private ItemStreamReader<T> reader() {
        ItemStreamReader<T> reader = target.get();
        return reader != null ? reader : proxy;
    }
}
