package io.agentry.company;

/** What an import tells its user while it runs. */
public interface ImportListener {
    /** Called every few thousand rows and at the end of each file. */
    void progress(ImportProgress progress);

    /** A line that was skipped or partly imported. */
    void problem(ImportProblem problem);

    ImportListener SILENT = new ImportListener() {
        @Override
        public void progress(ImportProgress progress) {}

        @Override
        public void problem(ImportProblem problem) {}
    };
}
