package io.jray.dashboard;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every dashboard page's model holds: this node's id (for the navigation), and whether it shows write actions. */
@ControllerAdvice(assignableTypes = {DashboardController.class, TasksController.class, JobsController.class,
        TimelineController.class, DashboardActionsController.class})
class DashboardModel {

    private final String self;
    private final boolean writable;

    DashboardModel(String self, boolean writable) {
        this.self = self;
        this.writable = writable;
    }

    @ModelAttribute("self")
    String self() {
        return self;
    }

    @ModelAttribute("writable")
    boolean writable() {
        return writable;
    }
}
