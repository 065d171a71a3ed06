"""paike: move class timetables between spreadsheets and Baijiayun's double_teacher API.

The package reads in the order the data flows:

    loading/       spreadsheet files -> a table of lesson rows that remember their cells
    validation/    the table -> problems (errors and warnings), checked with pandera
    transform/     valid rows -> the API's per-room ``schedule`` JSON
    publishing/    schedules -> planned and executed API calls
    export/        API state -> spreadsheets for people
    dropfolder/    the watched folder and the weekly batch job
    client/        the signed double_teacher OpenAPI client
    cli/           the ``paike`` command, a thin layer over the modules above

User-facing text lives in one catalog, ``pipeline.i18n.catalog``.
"""

__version__ = "0.1.0"
