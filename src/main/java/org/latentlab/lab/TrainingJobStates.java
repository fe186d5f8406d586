package org.latentlab.lab;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.JobParameter;
import org.jobrunr.jobs.filters.ApplyStateFilter;
import org.jobrunr.jobs.filters.JobFilter;
import org.jobrunr.jobs.filters.RetryFilter;
import org.jobrunr.jobs.states.JobState;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.server.BackgroundJobServer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * When JobRunr gives up on a training job's current try, the run says so: a worker that died (JobRunr notices its
 * silence and fails the job) leaves the run INTERRUPTED, shown to its owner, until a worker takes the retry and goes
 * on from the last epoch; after the last retry it stays INTERRUPTED and its owner can continue it by hand. Added to
 * every worker's job filters, beside JobRunr's own retry filter.
 */
@Component
class TrainingJobStates implements ApplyStateFilter, BeanPostProcessor {

    private final ObjectProvider<RunRecords> records;
    private final ObjectProvider<ApplicationEventPublisher> events;
    private final ObjectProvider<Clock> clock;
    private final int retries;

    TrainingJobStates(ObjectProvider<RunRecords> records, ObjectProvider<ApplicationEventPublisher> events,
            ObjectProvider<Clock> clock, @Value("${jobrunr.jobs.default-number-of-retries:3}") int retries) {
        this.records = records;
        this.events = events;
        this.clock = clock;
        this.retries = retries;
    }

    @Override
    public void onStateApplied(Job job, JobState oldState, JobState newState) {
        if (newState.getName() != StateName.FAILED) {
            return;
        }
        for (JobParameter parameter : job.getJobDetails().getJobParameters()) {
            if (parameter.getObject() instanceof TrainingJob.Request request
                    && records.getObject().ended(request.runId(), request.attempt(), RunState.INTERRUPTED,
                            clock.getObject().instant(), null)) {
                events.getObject().publishEvent(new RunUpdate.StateChanged(request.runId(), RunState.INTERRUPTED,
                        0, clock.getObject().instant()));
            }
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof BackgroundJobServer server) {
            List<JobFilter> filters = new ArrayList<>();
            filters.add(new RetryFilter(retries));
            filters.add(this);
            server.setJobFilters(filters);
        }
        return bean;
    }
}
