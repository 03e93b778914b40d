"""Nationalities by origin and passport number formats by issuing country.

``NATIONALITIES``: plausible ISO 3166 alpha-3 codes for people of each cultural origin with
rough weights (the diaspora included: a hispanic traveller on a Cancun-US flight may well be
a US citizen). ``CLEAN_NATIONALITIES`` reweights them for the ordinary travellers of a
Cancun-US flight. ``PASSPORT_FORMATS``: the shapes of passport numbers as published in the
countries' specimen documents and PRADO (the EU's public register of identity documents):
``@`` a letter, ``#`` a digit, ``*`` a letter or digit from the German set
(C F G H J K L M N P R T V W X Y Z and digits), any other character as written.
"""

NATIONALITIES: dict[str, dict[str, int]] = {
    "hispanic": {
        "MEX": 45, "COL": 12, "GTM": 5, "SLV": 5, "HND": 5, "VEN": 7, "PER": 4, "ARG": 3,
        "ESP": 3, "DOM": 3, "CUB": 3, "ECU": 2, "USA": 5,
    },
    "anglo": {"USA": 70, "CAN": 15, "GBR": 11, "AUS": 2, "IRL": 2},
    "arabic": {
        "SAU": 12, "EGY": 14, "JOR": 7, "SYR": 10, "IRQ": 10, "LBN": 7, "YEM": 6, "ARE": 5,
        "MAR": 8, "DZA": 6, "TUN": 4, "LBY": 3, "KWT": 2, "QAT": 1, "SDN": 3, "USA": 2,
    },
    "persian": {"IRN": 88, "AFG": 4, "USA": 4, "CAN": 2, "DEU": 2},
    "russian": {"RUS": 78, "UKR": 7, "BLR": 5, "KAZ": 6, "ISR": 2, "DEU": 2},
    "chinese": {"CHN": 74, "TWN": 10, "HKG": 7, "SGP": 3, "MYS": 2, "USA": 2, "CAN": 2},
    "korean": {"KOR": 93, "USA": 5, "CAN": 2},
    "indian": {"IND": 88, "USA": 4, "GBR": 3, "CAN": 3, "ARE": 2},
    "vietnamese": {"VNM": 88, "USA": 9, "AUS": 2, "FRA": 1},
    "greek": {"GRC": 85, "CYP": 11, "USA": 2, "AUS": 2},
    "turkish": {"TUR": 90, "DEU": 6, "CYP": 2, "NLD": 2},
    "west_african": {
        "NGA": 58, "GHA": 15, "SEN": 6, "CIV": 5, "BEN": 4, "NER": 3, "CMR": 3, "GBR": 3,
        "USA": 3,
    },
    "french": {"FRA": 82, "CAN": 9, "BEL": 6, "CHE": 3},
    "german": {"DEU": 80, "AUT": 12, "CHE": 8},
    "portuguese": {"BRA": 85, "PRT": 15},
    "japanese": {"JPN": 96, "USA": 3, "BRA": 1},
}  # fmt: skip

# Ordinary travellers of Cancun-US flights: holders of US passports weigh more.
CLEAN_NATIONALITIES: dict[str, dict[str, int]] = {
    "hispanic": {"USA": 40, "MEX": 45, "COL": 3, "GTM": 2, "SLV": 2, "ESP": 3, "ARG": 3,
                 "PER": 2},
    "anglo": {"USA": 78, "CAN": 14, "GBR": 7, "IRL": 1},
}  # fmt: skip

PASSPORT_FORMATS: dict[str, tuple[str, ...]] = {
    "USA": ("#########", "@########"), "CAN": ("@@######",), "GBR": ("#########",),
    "AUS": ("@#######", "@@#######"), "IRL": ("@@#######",), "MEX": ("@########",),
    "COL": ("@@######", "@@#######"), "GTM": ("@#########",), "SLV": ("@########",),
    "HND": ("@#######",), "VEN": ("#########",), "PER": ("#########",), "ARG": ("@@@######",),
    "ESP": ("@@@######",), "DOM": ("@@#######",), "CUB": ("@@@######",), "ECU": ("@#######",),
    "SAU": ("@#######",), "EGY": ("@########",), "JOR": ("@######",), "SYR": ("#########",),
    "IRQ": ("@########",), "LBN": ("LR#######",), "YEM": ("########",), "ARE": ("#########",),
    "MAR": ("@@#######",), "DZA": ("#########",), "TUN": ("@#######",), "LBY": ("@######",),
    "KWT": ("@########",), "QAT": ("@########",), "SDN": ("@#######",), "IRN": ("@########",),
    "AFG": ("P########",), "RUS": ("#########",), "UKR": ("@@######",), "BLR": ("@@#######",),
    "KAZ": ("N########",), "ISR": ("########",), "CHN": ("E########", "EA#######"),
    "TWN": ("#########",), "HKG": ("K########", "H########"), "SGP": ("@#######@",),
    "MYS": ("@########",), "KOR": ("M########", "M###@####"), "PRK": ("#########",),
    "IND": ("@#######",), "VNM": ("@#######",), "GRC": ("@@#######",), "CYP": ("@########",),
    "TUR": ("U########",), "NLD": ("@@*******",), "NGA": ("@########",), "GHA": ("G#######",),
    "SEN": ("@########",), "CIV": ("##@@#####",), "BEN": ("@#######",), "NER": ("@#######",),
    "CMR": ("@#######",), "FRA": ("##@@#####",), "BEL": ("@@#######",), "CHE": ("@#######",),
    "DEU": ("C********", "F********", "G********", "H********", "K********"),
    "AUT": ("@#######",), "BRA": ("@@######",), "PRT": ("@######", "@@######"),
    "JPN": ("@@#######",),
}  # fmt: skip

DEFAULT_FORMAT = ("@########",)
