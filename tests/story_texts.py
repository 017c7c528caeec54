"""Four short articles telling two stories (a flood, a chess final), for the stories tests."""

FLOOD = [
    "Floodwaters rose across the river valley on Monday as heavy rain kept falling on the farms.",
    "Emergency crews evacuated two villages in the valley after the river burst its banks.",
    "The flood destroyed the harvest on hundreds of farms, the farmers' union said.",
]
FLOOD_2 = [
    "Rescue boats reached the flooded villages of the river valley on Tuesday.",
    "The river is expected to stay above its banks until the rain stops, forecasters said.",
    "Farmers in the valley say the flood ruined their harvest and drowned their cattle.",
]
CHESS = [
    "The young grandmaster won the chess championship with a daring queen sacrifice.",
    "Her opponent resigned after the sacrifice left his king without defenders.",
    "The championship prize makes her the youngest chess champion in the tournament's history.",
]
CHESS_2 = [
    "Chess fans packed the hall to watch the final game of the championship.",
    "The grandmaster's queen sacrifice will be studied for years, commentators said.",
    "She becomes the youngest champion since the tournament began.",
]
