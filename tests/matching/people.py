"""Synthetic listed people and travellers for the matching tests (written by us; nobody real).

- ``LISTED``: hand-written watchlist entries, one per kind of name the engine must handle
  (Arabic, Cyrillic, Greek, Chinese and Devanagari names with their original script, Spanish
  double surnames, a compound family name, an English name with a middle name, a document).
  Entry ids say what each one is for.
- ``filler()``: a few hundred bystanders made of name parts that no listed person uses, so
  that the list has a realistic spread of common and rare words (the ``rarity`` feature reads
  how often a word occurs in the list) and the index has competition.
- ``traveller()``: a ``Traveller`` as a manifest reports it, upper case, surname apart.
"""

from __future__ import annotations

from preboard.model import PartialDate, Role, Sex, TravelDocument, Traveller
from preboard.watchlist import BirthDate, EntryDocument, EntryName, NameKind, WatchlistEntry

D = PartialDate
ORIGINAL = NameKind.ORIGINAL_SCRIPT


def entry(
    entry_id: str,
    *names: str | EntryName,
    born: tuple[BirthDate, ...] = (),
    nationality: str | None = None,
    sex: Sex | None = None,
    documents: tuple[str, ...] = (),
) -> WatchlistEntry:
    """A listed person; plain strings are primary names."""
    return WatchlistEntry(
        entry_id,
        names=tuple(n if isinstance(n, EntryName) else EntryName(n) for n in names),
        birth_dates=born,
        nationalities=(nationality,) if nationality else (),
        sex=sex,
        documents=tuple(EntryDocument(number) for number in documents),
    )


def traveller(
    given: str,
    surname: str,
    born: PartialDate | None = None,
    *,
    sex: Sex | None = None,
    nationality: str | None = None,
    document: str | None = None,
) -> Traveller:
    """A passenger as the manifest gives them."""
    docs = (TravelDocument("P", document),) if document else ()
    return Traveller(
        Role.PASSENGER,
        surname,
        given,
        birth_date=born,
        sex=sex,
        nationality=nationality,
        documents=docs,
    )


M, F = Sex.MALE, Sex.FEMALE

LISTED: tuple[WatchlistEntry, ...] = (
    entry(
        "WL-AR-KHALED",
        "Mohammed Abdel Rahman Khaled",
        EntryName("محمد عبد الرحمن خالد", ORIGINAL),
        EntryName("Abu Yusuf", NameKind.WEAK_ALIAS),
        born=(BirthDate(D(1978, 4, 12)),),
        nationality="SYR",
        sex=M,
        documents=("N0471123",),
    ),
    entry(
        "WL-RU-IVANOV",
        "Sergei Ivanov",
        EntryName("Сергей Иванов", ORIGINAL),
        born=(BirthDate(D(1969, 11, 3)),),
        nationality="RUS",
        sex=M,
    ),
    entry(
        "WL-GR-PAPADOPOULOS",
        "Georgios Papadopoulos",
        EntryName("Γεώργιος Παπαδόπουλος", ORIGINAL),
        born=(BirthDate(D(1981)),),
        nationality="GRC",
        sex=M,
    ),
    entry(
        "WL-CN-ZHANG",
        "Zhang Xiuyuan",
        EntryName("张秀元", ORIGINAL),
        born=(BirthDate(D(1972, 6, 30)),),
        nationality="CHN",
        sex=F,
    ),
    entry(
        "WL-IN-SHARMA",
        "Rajesh Kumar Sharma",
        EntryName("राजेश कुमार शर्मा", ORIGINAL),
        born=(BirthDate(D(1985, 1, 15)),),
        nationality="IND",
        sex=M,
    ),
    entry(
        "WL-ES-GARCIA",
        "Maria Garcia Lopez",
        born=(BirthDate(D(1986, 7, 14)),),
        nationality="MEX",
        sex=F,
    ),
    entry(
        "WL-ES-DELACRUZ",
        "Juan Carlos de la Cruz Perez",
        born=(BirthDate(D(1980), D(1982)),),
        nationality="MEX",
        sex=M,
    ),
    entry(
        "WL-EN-SMITH",
        "John Edward Smith",
        born=(BirthDate(D(1958, 3, 14)),),
        nationality="USA",
        sex=M,
    ),
    entry(
        "WL-UA-KOVALENKO",
        "Olena Kovalenko",
        born=(BirthDate(D(1990, 2, 28)),),
        nationality="UKR",
        sex=F,
    ),
    entry(
        "WL-DOC-BELOV",
        "Viktor Anatolyevich Belov",
        born=(BirthDate(D(1974, 9, 21)),),
        nationality="UKR",
        documents=("G01234567",),
    ),
)

_FILLER_GIVEN = [
    "Astrid",
    "Bjorn",
    "Cecilia",
    "Dagny",
    "Eino",
    "Frode",
    "Greta",
    "Halvard",
    "Ingrid",
    "Jorunn",
    "Kaisa",
    "Leif",
    "Maja",
    "Nils",
    "Oddny",
    "Pekka",
    "Ragnhild",
    "Sigurd",
    "Tove",
    "Ulf",
]
_FILLER_FAMILY = [
    "Andersen",
    "Berglund",
    "Dahlqvist",
    "Ekstrom",
    "Fagerlund",
    "Gustavsen",
    "Haugland",
    "Isaksen",
    "Jokela",
    "Kallio",
    "Lindqvist",
    "Mattila",
    "Nyberg",
    "Ostby",
    "Pettersen",
]


def filler() -> tuple[WatchlistEntry, ...]:
    """300 bystanders: every given name with every family name, dates spread over 50 years."""
    out = []
    for i, (given, family) in enumerate((g, f) for f in _FILLER_FAMILY for g in _FILLER_GIVEN):
        born = D(1940 + (i * 7) % 50, 1 + i % 12, 1 + (i * 5) % 28)
        out.append(entry(f"FILL-{i:03d}", f"{given} {family}", born=(BirthDate(born),)))
    return tuple(out)


def watchlist() -> list[WatchlistEntry]:
    """The listed people first (their positions are their order in ``LISTED``), then filler."""
    return [*LISTED, *filler()]


POSITION = {e.id: i for i, e in enumerate(LISTED)}
BY_ID = {e.id: e for e in LISTED}

# (what it shows, the listed entry, the traveller): the same person as the entry.
VARIANTS: tuple[tuple[str, str, Traveller], ...] = (
    (
        "arabic-muhammad-abdulrahman",
        "WL-AR-KHALED",
        traveller("MUHAMMAD", "ABDULRAHMAN KHALED", D(1978, 4, 12), sex=M, nationality="SYR"),
    ),
    (
        "arabic-mohamed-abdelrahman-joined",
        "WL-AR-KHALED",
        traveller("MOHAMED", "ABDELRAHMAN KHALED", D(1978, 4, 12), sex=M, nationality="SYR"),
    ),
    ("arabic-script", "WL-AR-KHALED", traveller("محمد", "خالد", D(1978, 4, 12))),
    (
        "cyrillic-sergey",
        "WL-RU-IVANOV",
        traveller("SERGEY", "IVANOV", D(1969, 11, 3), sex=M, nationality="RUS"),
    ),
    ("cyrillic-script", "WL-RU-IVANOV", traveller("Сергей", "Иванов", D(1969, 11, 3))),
    ("cyrillic-birth-year-only", "WL-RU-IVANOV", traveller("SERGEY", "IVANOV", D(1969))),
    (
        "birth-day-and-month-swapped",
        "WL-RU-IVANOV",
        traveller("SERGEI", "IVANOV", D(1969, 3, 11), sex=M, nationality="RUS"),
    ),
    (
        "greek-giorgos",
        "WL-GR-PAPADOPOULOS",
        traveller("GIORGOS", "PAPADOPOULOS", D(1981, 5, 5), sex=M, nationality="GRC"),
    ),
    (
        "greek-yorgos",
        "WL-GR-PAPADOPOULOS",
        traveller("YORGOS", "PAPADOPOULOS", D(1981, 5, 5), sex=M, nationality="GRC"),
    ),
    (
        "greek-script",
        "WL-GR-PAPADOPOULOS",
        traveller("Γιώργος", "Παπαδόπουλος", D(1981, 5, 5)),
    ),
    (
        "chinese-pinyin-given-name-first",
        "WL-CN-ZHANG",
        traveller("XIUYUAN", "ZHANG", D(1972, 6, 30), sex=F, nationality="CHN"),
    ),
    (
        "chinese-wade-giles",
        "WL-CN-ZHANG",
        traveller("HSIU-YUAN", "CHANG", D(1972, 6, 30), sex=F, nationality="CHN"),
    ),
    ("chinese-script", "WL-CN-ZHANG", traveller("", "张秀元", D(1972, 6, 30))),
    (
        "indian-middle-name-dropped",
        "WL-IN-SHARMA",
        traveller("RAJESH", "SHARMA", D(1985, 1, 15), sex=M, nationality="IND"),
    ),
    ("devanagari-script", "WL-IN-SHARMA", traveller("राजेश", "शर्मा", D(1985, 1, 15))),
    (
        "spanish-second-surname-dropped",
        "WL-ES-GARCIA",
        traveller("MARIA", "GARCIA", D(1986, 7, 14), sex=F, nationality="MEX"),
    ),
    (
        "spanish-second-surname-dropped-birth-year-only",
        "WL-ES-GARCIA",
        traveller("MARIA", "GARCIA", D(1986), sex=F, nationality="MEX"),
    ),
    (
        "compound-surname-joined",
        "WL-ES-DELACRUZ",
        traveller("JUAN CARLOS", "DELACRUZ PEREZ", D(1981, 5, 5), sex=M, nationality="MEX"),
    ),
    (
        "compound-surname-split-second-dropped",
        "WL-ES-DELACRUZ",
        traveller("JUAN CARLOS", "DE LA CRUZ", D(1981, 5, 5), sex=M, nationality="MEX"),
    ),
    (
        "initial-of-given-name",
        "WL-EN-SMITH",
        traveller("J.", "SMITH", D(1958, 3, 14), sex=M, nationality="USA"),
    ),
    (
        "initial-and-middle-name",
        "WL-EN-SMITH",
        traveller("J. EDWARD", "SMITH", D(1958, 3, 14), sex=M, nationality="USA"),
    ),
    (
        "order-swapped",
        "WL-EN-SMITH",
        traveller("SMITH", "JOHN EDWARD", D(1958, 3, 14), sex=M, nationality="USA"),
    ),
    (
        "typo-in-surname",
        "WL-EN-SMITH",
        traveller("JOHN EDWARD", "SMTIH", D(1958, 3, 14), sex=M, nationality="USA"),
    ),
    (
        "typo-and-middle-name-dropped",
        "WL-EN-SMITH",
        traveller("JOHN", "SMTIH", D(1958, 3, 14), sex=M, nationality="USA"),
    ),
    (
        "given-name-spelling",
        "WL-EN-SMITH",
        traveller("JON EDWARD", "SMITH", D(1958, 3, 14), sex=M, nationality="USA"),
    ),
    (
        "birth-year-one-digit-off",
        "WL-EN-SMITH",
        traveller("JOHN EDWARD", "SMITH", D(1959, 3, 14), sex=M, nationality="USA"),
    ),
    (
        "no-birth-date-full-name",
        "WL-EN-SMITH",
        traveller("JOHN EDWARD", "SMITH", sex=M, nationality="USA"),
    ),
    (
        "russian-form-of-ukrainian-name",
        "WL-UA-KOVALENKO",
        traveller("ELENA", "KOVALENKO", D(1990, 2, 28), sex=F, nationality="UKR"),
    ),
    (
        "polish-w-for-v",
        "WL-UA-KOVALENKO",
        traveller("OLENA", "KOWALENKO", D(1990, 2, 28), sex=F, nationality="UKR"),
    ),
    (
        "document-with-ocr-o-for-zero",
        "WL-DOC-BELOV",
        traveller("VIKTOR", "BELOV", D(1974, 9, 21), document="GO1234567"),
    ),
    (
        "document-exact-no-birth-date",
        "WL-DOC-BELOV",
        traveller("VICTOR", "BELOV", document="G01234567"),
    ),
)

# (what it shows, the listed entry, the traveller): someone else, close to the entry.
HARD_NEGATIVES: tuple[tuple[str, str, Traveller], ...] = (
    (
        "same-surname-and-birth-year-other-given-name",
        "WL-EN-SMITH",
        traveller("PETER", "SMITH", D(1958), sex=M, nationality="USA"),
    ),
    (
        "same-surname-birth-year-other-given-name-full-date",
        "WL-EN-SMITH",
        traveller("PETER", "SMITH", D(1958, 6, 2), sex=M, nationality="USA"),
    ),
    (
        "same-surname-and-birth-year-nikolai",
        "WL-RU-IVANOV",
        traveller("NIKOLAI", "IVANOV", D(1969), sex=M, nationality="RUS"),
    ),
    (
        "same-surname-and-birth-year-aleksandr",
        "WL-RU-IVANOV",
        traveller("ALEKSANDR", "IVANOV", D(1969, 5, 20), sex=M, nationality="RUS"),
    ),
    (
        "sister-same-two-surnames-and-birth-year",
        "WL-ES-GARCIA",
        traveller("ANA", "GARCIA LOPEZ", D(1986, 2, 3), sex=F, nationality="MEX"),
    ),
    (
        "same-surname-and-birth-year-ahmed",
        "WL-AR-KHALED",
        traveller("AHMED", "KHALED", D(1978), sex=M, nationality="SYR"),
    ),
    (
        "same-surname-and-birth-year-youssef",
        "WL-AR-KHALED",
        traveller("YOUSSEF", "KHALED", D(1978), sex=M, nationality="SYR"),
    ),
    (
        "same-name-born-30-years-later",
        "WL-EN-SMITH",
        traveller("JOHN EDWARD", "SMITH", D(1988, 9, 30), sex=M, nationality="USA"),
    ),
    (
        "same-name-born-30-years-later-cyrillic",
        "WL-RU-IVANOV",
        traveller("SERGEI", "IVANOV", D(1999, 8, 17), sex=M, nationality="RUS"),
    ),
    (
        "same-name-born-30-years-earlier",
        "WL-ES-GARCIA",
        traveller("MARIA", "GARCIA LOPEZ", D(1956, 2, 20), sex=F, nationality="MEX"),
    ),
)
